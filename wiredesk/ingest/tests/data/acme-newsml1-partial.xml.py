"""RevisionId Update='U': a partial update, not a whole story."""

from wiredesk.ingest.exceptions import ParseError

error = (ParseError, "is a partial update (RevisionId Update=\"U\"), not a whole story")
