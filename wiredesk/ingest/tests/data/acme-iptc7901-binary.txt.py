"""Control bytes where the text should be: quarantined as unreadable."""

from wiredesk.ingest.exceptions import ParseError

error = (ParseError, "The text wire cannot be read as text")
