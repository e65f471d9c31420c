"""No doc-id@id-string, no du-key, and the runner's url is a bare path (not a URI)."""

from wiredesk.ingest.exceptions import ParseError

error = (ParseError, "has no doc-id")
