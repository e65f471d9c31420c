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


class UnsafeXML(ParseError):
    """The XML declares entities or external references; refused (XML bomb, XXE)."""


class PayloadTooLarge(IngestError):
    """The payload is larger than the configured limit."""
