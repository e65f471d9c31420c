"""SYN SYN SOH, but the second heading line is not ANPA 1312."""

from wiredesk.ingest.exceptions import ParseError

error = (ParseError, "The ANPA 1312 heading is not readable: 'this heading is not ")
