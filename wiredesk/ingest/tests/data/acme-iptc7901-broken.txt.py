"""SOH, but the heading is not an IPTC 7901 heading line."""

from wiredesk.ingest.exceptions import ParseError

error = (ParseError, "The IPTC 7901 heading line is not readable: 'this is not a h")
