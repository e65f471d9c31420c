"""An export cut off mid-item."""

from wiredesk.ingest.exceptions import ParseError

error = (ParseError, "The XML is not well-formed: Premature end of data in tag tit")
