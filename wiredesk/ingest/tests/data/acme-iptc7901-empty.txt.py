"""A message whose text is empty: nothing to publish."""

from wiredesk.ingest.exceptions import ParseError

error = (ParseError, "The IPTC 7901 message has no text.")
