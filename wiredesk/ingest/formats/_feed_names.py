"""How feedparser names elements, reads attributes and decodes bytes, for the lxml fast path.

feedparser does not see ``{namespace}local`` names as lxml does. It lower-cases every
name, maps known namespaces to fixed prefixes (``dc:creator`` → ``dc_creator``, Atom and
RSS namespaces → no prefix), names an element of an unknown namespace by the first
document prefix bound to that URI, and looks up handler methods by the result
(``_start_dc_creator``). It hands attributes to its handlers under their lower-cased
local name, whatever their namespace, and tracks ``xml:lang``/``lang`` and
``xml:base``/``base`` on every element. ``Names`` reproduces that for one document and
raises ``Unsure`` wherever the mapping would depend on things lxml does not expose
(prefix order, re-bound prefixes, prefixes spelled like feedparser's own).

``plain_bytes`` tells whether feedparser and ``xmlsafe`` turn the bytes into the same
characters. Does not parse XML.
"""

from __future__ import annotations

import codecs
import re
from typing import Final, cast

from feedparser.api import StrictFeedParser
from feedparser.mixin import _FeedParserMixin
from lxml import etree

from wiredesk.ingest import xmlsafe

KNOWN: Final = {uri.lower(): prefix for uri, prefix in _FeedParserMixin.namespaces.items()}
STD_PREFIXES: Final = frozenset(prefix.lower() for prefix in KNOWN.values() if prefix)
# Every element name feedparser has a start or end handler for ("_start_dc_creator" → dc_creator).
HANDLERS: Final = frozenset(
    name.split("_", 2)[2] for name in dir(StrictFeedParser) if name.startswith(("_start_", "_end_"))
)
_ASCII_NAMES: Final = frozenset(
    {"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1", "iso8859-1", "windows-1252", "cp1252"}
)
# feedparser's own reading of the declared encoding (encodings.py: greedy, no blanks at "=").
_FP_ENCODING: Final = re.compile(rb"^<\?.*encoding=['\"](.*?)['\"].*\?>")
_XML_10: Final = re.compile(rb"^<\?xml[^>]*?version\s*=\s*[\"']1\.0[\"']")
_DECLARATION: Final = re.compile(rb"xmlns(?::([^\s=/>\"']+))?\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
# Caches, bounded because names come from untrusted feeds: tag → feedparser's name (tags
# in known namespaces only), attribute name → lower-cased local name.
_CACHE: dict[str, str] = {}
_LOCAL: dict[str, str] = {}


class Unsure(Exception):
    """The fast path is not sure to read this feed as feedparser does."""


def plain_bytes(data: bytes, url: str) -> bool:
    """True when feedparser and xmlsafe decode ``data`` to the same characters."""
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    if body[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in body[:4] or body[:4] == b"\x4c\x6f\xa7\x94":
        return False  # UTF-16/32 or EBCDIC: left to feedparser's detection
    match = _FP_ENCODING.match(body)
    declared = match.group(1).decode("ascii", "replace").lower() if match else ""
    if declared != (xmlsafe.declared_encoding(body) or ""):
        return False
    if body.startswith(b"<?xml") and not _XML_10.match(body):
        return False  # feedparser rewrites the declaration to 1.0; lxml would apply 1.1 rules
    # feedparser's rule (RFC 3023) without a Content-Type: the declared encoding, else UTF-8,
    # except that a fetched document (we pass response headers for http URLs) means Latin-1.
    effective = declared or ("iso-8859-1" if url.startswith(("http://", "https://")) else "utf-8")
    if body.isascii():
        return effective in _ASCII_NAMES
    if effective not in ("utf-8", "utf8"):
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def userland(uri: str) -> str:
    """feedparser treats every ``backend.userland.com/rss*`` namespace as one."""
    return "http://backend.userland.com/rss" if "backend.userland.com/rss" in uri else uri


class Names:
    """feedparser's element names and attributes for the elements of one document."""

    def __init__(self, data: bytes) -> None:
        self.declarations: list[tuple[str | None, str]] = []
        if b"xmlns" in data:
            self._scan(data)

    def _scan(self, data: bytes) -> None:
        # feedparser maps prefixes through tables filled in document order over the whole
        # document; every declaration is needed to see when that mapping is ambiguous. A
        # "declaration" found inside CDATA only makes the checks stricter.
        for match in _DECLARATION.finditer(data):
            prefix, double, single = match.groups()
            raw = double if double is not None else single
            if b"&" in raw or any(c in raw for c in b"\t\r\n") or not (prefix or b"").isascii():
                raise Unsure  # lxml would see a normalized URI that the scan cannot compare
            uri = raw.decode("utf-8")
            name = prefix.decode("ascii") if prefix else None
            self.declarations.append((name, uri))
            std = KNOWN.get(userland(uri.lower()))
            # feedparser re-maps a document prefix to its namespace's standard prefix; a
            # document prefix spelled like another standard prefix would redirect those.
            if name and std is not None and name in STD_PREFIXES and std != name:
                raise Unsure

    def name(self, el: etree._Element) -> str:
        """feedparser's name for ``el``: ``title``, ``dc_creator``, ``content_encoded``…"""
        tag = el.tag
        known = _CACHE.get(tag)  # (a comment or PI would have a function as tag: not cached)
        if known is not None:
            return known
        if not isinstance(tag, str) or not tag.isascii():
            raise Unsure  # expat and libxml2 may not agree on exotic name characters
        if tag[0] != "{":
            name = tag.lower()
        else:
            uri, _, local = tag[1:].partition("}")
            std = KNOWN.get(userland(uri.lower()))
            if std is None:
                return self._foreign(el, uri, local)
            name = f"{std.lower()}_{local.lower()}" if std else local.lower()
        if len(_CACHE) < 4096:
            _CACHE[tag] = name
        return name

    def _foreign(self, el: etree._Element, uri: str, local: str) -> str:
        # feedparser names an element of an unknown namespace by the first prefix bound to
        # its URI; that is certain only when one prefix, bound to nothing else, is used.
        prefix = el.prefix
        if not prefix:
            raise Unsure
        for declared, declared_uri in self.declarations:
            if declared_uri == uri and declared not in (None, prefix):
                raise Unsure
            if declared == prefix and declared_uri != uri:
                raise Unsure
            if declared == prefix.lower() and declared_uri != uri and KNOWN.get(declared_uri.lower()) is not None:
                raise Unsure
        return f"{prefix.lower()}_{local.lower()}"

    @staticmethod
    def lang(attrs: dict[str, str], inherited: str | None) -> str | None:
        """The language feedparser tracks at an element with ``attrs`` (``xml:lang`` or any ``lang``).

        Raises ``Unsure`` for any ``base`` attribute: feedparser resolves against it.
        """
        if not attrs:
            return inherited
        if "base" in attrs:
            raise Unsure
        if "lang" not in attrs:
            return inherited
        return attrs["lang"] or None  # xml:lang="" means "no language"

    @staticmethod
    def attrs(el: etree._Element) -> dict[str, str]:
        """``el``'s attributes as feedparser's handlers get them (``rel``/``type`` lower-cased).

        The key is the lower-cased local name, whatever the namespace (feedparser adds each
        attribute under its bare name as well); two attributes with one key raise ``Unsure``.
        """
        result: dict[str, str] = {}
        for key, value in cast(list[tuple[str, str]], el.items()):  # lxml-stubs say str | bytes
            local = _LOCAL.get(key)
            if local is None:
                local = key[key.rfind("}") + 1 :].lower()
                if len(_LOCAL) < 4096:
                    _LOCAL[key] = local
            if local in result:
                raise Unsure  # feedparser would keep one of them, by order
            result[local] = value.lower() if local in ("rel", "type") else value
        return result
