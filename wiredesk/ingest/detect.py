"""Tell a payload's wire format from its bytes, and hand it to that format's parser.

The format is read from the content — the root element and its namespace for XML, the
shape of the object for JSON, telltale headers for the old text formats — never from a
file name or a media type, which agencies and proxies get wrong.

The old text wires (IPTC 7901, ANPA 1312) are told by their control characters, NewsML 1.x
by its ``<NewsML>`` root, a WordPress export (WXR) by its namespace. Items that are not
text stories (NewsML-G2 packages, pictures, concepts) are refused with a plain message.
Does not parse the payload itself: see ``formats/``.
"""

from __future__ import annotations

import functools
import importlib
import re
from types import ModuleType
from typing import Final

from wiredesk.ingest.exceptions import NotATextStory, ParseError, ParserFailed, UnsupportedFormat
from wiredesk.ingest.normalize import normalize_result
from wiredesk.ingest.types import ParseResult, ParserType

G2_NS: Final = "http://iptc.org/std/nar/2006-10-01/"
WXR_NS_PREFIX: Final = b"http://wordpress.org/export/"

# format name → module under wiredesk.ingest.formats exposing parse(data, *, url)
PARSERS: Final = {
    "nitf": "nitf",
    "newsml-g2": "newsml_g2",
    "ninjs": "ninjs",
    "jsonfeed": "jsonfeed",
    "rss": "feed",
    "atom": "feed",
    "iptc7901": "iptc7901",
    "anpa1312": "anpa1312",
    "newsml1": "newsml1",
    "wxr": "wxr",
}

_ROOT: Final = re.compile(rb"<(?!\?|!)(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)([^>]*)>", re.S)
_COMMENT: Final = re.compile(rb"<!--.*?-->", re.S)
_DOCTYPE: Final = re.compile(rb"<!DOCTYPE[^>\[]*(\[.*?\])?\s*>", re.S)
_BOM: Final = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_JSONFEED_VERSION: Final = re.compile(rb'"version"\s*:\s*"https?://jsonfeed\.org/version/')
_G2_TEXT_ROOTS: Final = frozenset({"newsItem", "newsMessage"})
_G2_OTHER_ROOTS: Final = {
    "packageItem": "a NewsML-G2 package (a list of other items), not a text story",
    "conceptItem": "a NewsML-G2 concept item (vocabulary), not a text story",
    "knowledgeItem": "a NewsML-G2 knowledge item (vocabulary), not a text story",
    "planningItem": "a NewsML-G2 planning item, not a text story",
    "catalog": "a NewsML-G2 catalog, not a text story",
}
# ANPA 1312 transmissions open with SYN SYN SOH; IPTC 7901 with SOH, the header, then STX
# before the text (IPTC 7901 §4). Both are control characters no XML or JSON starts with.
_ANPA_START: Final = b"\x16\x16\x01"
_SOH, _STX = b"\x01", b"\x02"


def _text_start(data: bytes) -> bytes:
    for bom in _BOM:
        if data.startswith(bom):
            if bom == b"\xef\xbb\xbf":
                return data[3:4096].lstrip()
            # UTF-16: decode the head only, enough to see the root element
            return data[:8192].decode("utf-16", errors="ignore").encode("utf-8").lstrip()
    return data[:4096].lstrip()


def detect_format(data: bytes) -> str:
    """Return the format name of ``data`` (a key of ``PARSERS``) or raise a ``ParseError``."""
    if data.lstrip(b"\x16").startswith(_SOH) and data.startswith(_ANPA_START[:1]):
        return "anpa1312"
    if data.startswith(_SOH) and _STX in data[:400]:
        return "iptc7901"
    head = _text_start(data)
    if not head:
        raise ParseError("The payload is empty.")
    if head[:1] in (b"{", b"["):
        return _detect_json(head)
    if head[:1] == b"<":
        return _detect_xml(head, data)
    raise UnsupportedFormat("Unsupported format: not XML or JSON, and not a wire format Wiredesk knows.")


def _detect_xml(head: bytes, data: bytes) -> str:
    match = _ROOT.search(head)
    if match is None or b"<!" in head[: match.end()]:
        # A comment or the DOCTYPE (both start "<!") comes first, and may hide or look
        # like the root element: skip them and look again. When the first "<!" comes
        # after the root's start tag, skipping changes nothing before it, so the match
        # above stands.
        cleaned = _COMMENT.sub(b"", head)
        cleaned = _DOCTYPE.sub(b"", cleaned)
        match = _ROOT.search(cleaned)
    if not match:
        raise ParseError("The payload looks like XML but has no root element.")
    name = match.group(2).decode("ascii", "replace")
    attributes = match.group(3)
    if name == "nitf":
        return "nitf"
    if name in _G2_TEXT_ROOTS:
        return "newsml-g2"
    if name in _G2_OTHER_ROOTS:
        raise NotATextStory(f"Not a text story: this is {_G2_OTHER_ROOTS[name]}.")
    if name == "NewsML":
        return "newsml1"
    if name == "rss":
        if WXR_NS_PREFIX in attributes or WXR_NS_PREFIX in data[:65536]:
            return "wxr"
        return "rss"
    if name == "RDF":
        return "rss"
    if name == "feed":
        return "atom"
    if name == "html":
        raise UnsupportedFormat("Unsupported format: an HTML page, not a wire feed.")
    raise UnsupportedFormat(f"Unsupported format: XML with root element <{name}>.")


def _detect_json(head: bytes) -> str:
    # JSON Feed names itself in "version" (jsonfeed.org/version/1.1); everything else in
    # JSON is read as ninjs, whose parser explains what it cannot read.
    # (the plain search first: it is quicker, and most payloads are not JSON Feeds)
    if b"jsonfeed.org/version/" in head and _JSONFEED_VERSION.search(head):
        return "jsonfeed"
    return "ninjs"


@functools.cache
def _module(name: str) -> ModuleType:
    """The parser module of format ``name``, imported on first use."""
    return importlib.import_module(f"wiredesk.ingest.formats.{PARSERS[name]}")


def parse_payload(data: bytes, *, url: str = "") -> ParseResult:
    """Detect the format of ``data``, parse it and normalize its stories (``normalize.py``).

    Raises ``ParseError`` with a reason when the payload cannot be read, and nothing else for
    any ``data``: an exception a parser did not foresee is a parser bug, but it is this
    payload's problem only, so it becomes a ``ParseError`` naming it (issue #11). The stories
    returned are the ones the rest of the ingest may rely on: see ``normalize.py``.
    """
    name = detect_format(data)
    parse: ParserType = _module(name).parse
    try:
        result = normalize_result(parse(data, url=url))
    except ParseError:
        raise
    except Exception as exc:  # noqa: BLE001 - any other failure is this payload's only
        raise ParserFailed(f"The {name} parser failed on this payload ({type(exc).__name__}: {exc}).") from exc
    if not result.stories and not result.skipped:
        raise NotATextStory(f"Not a text story: the {name} payload holds no text item.")
    if not result.stories:
        reasons = "; ".join(s.reason for s in result.skipped[:3])
        raise ParseError(f"No item of this {name} payload could be read: {reasons}")
    return result
