"""Errors of the ingest layers. Every message is written for a desk editor to read."""

from __future__ import annotations

from wiredesk.exceptions import WiredeskError


class IngestError(WiredeskError):
    """Something went wrong while taking a payload in."""


class ParseError(IngestError):
    """The payload could not be read as a wire story."""


class UnsupportedFormat(ParseError):
    """The payload is in a format Wiredesk does not read (yet)."""


class NotATextStory(ParseError):
    """The payload is readable but holds no text story (a picture, a package, a concept)."""


class ParserFailed(ParseError):
    """A parser raised something other than a ``ParseError`` on this payload.

    A bug in the parser, but this payload's trouble only: it is quarantined like any
    payload that cannot be read, and the pipeline logs it with its traceback (issue #11).
    """


class UnsafeXML(ParseError):
    """The XML declares entities or external references; refused (XML bomb, XXE)."""


class PayloadTooLarge(IngestError):
    """The payload is larger than the configured limit."""
