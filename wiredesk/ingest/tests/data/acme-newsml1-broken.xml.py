"""Not well-formed XML."""

from wiredesk.ingest.exceptions import ParseError

error = (ParseError, "The XML is not well-formed: Opening and ending tag mismatch:")
