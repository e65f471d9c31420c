"""A payload cut off mid-string is not JSON: a ParseError that says so."""

from wiredesk.ingest.exceptions import ParseError

error = (ParseError, "not valid JSON")
