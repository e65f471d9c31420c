"""A message with an empty text."""

from wiredesk.ingest.exceptions import ParseError

error = (ParseError, "The ANPA 1312 message has no text.")
