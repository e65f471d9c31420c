"""The string steps feedparser applies to every value it keeps, for the lxml fast path.

feedparser 6 does not keep the text the XML holds. When it ends an element (``pop``) it
strips the text; resolves it against the base when the element is a URI (``link``; also
a permalink ``guid`` and an Atom ``id``, which Wiredesk keeps as written: ``_feed_slow``);
runs HTML and XHTML values through its own SGML re-serializer (``resolve_relative_uris``,
always, even without a base); re-decodes text that looks like UTF-8 read as Latin-1; and
maps C1 control characters to their Windows-1252 letters. In RSS it also takes a "plain
text" value that looks like HTML for HTML. ``_feed_lxml`` reads feeds with lxml and must
end up with the very same strings, so it runs its values through these functions.

The SGML re-serializer is slow (pure Python, about 70 µs for a 600-character body) and
leaves most agency HTML unchanged, so ``html_pass`` first checks, with one regular
expression and a few lookups, whether the value is in a subset of HTML that the
re-serializer provably gives back as it is (lower-case tags, double-quoted attributes in
sorted order, void elements written ``<br />``, known entities); only values outside that
subset go through feedparser's own function. Where exactness depends on feedparser's
code (joining URIs, the re-serializer, its HTML guess, its date parser) this module calls
feedparser itself rather than imitating it.

Does not parse XML and does not sanitize: ``sanitize_body`` does that afterwards for both
paths.
"""

from __future__ import annotations

import html.entities
import re
import time
from typing import Any, Final
from xml.sax.saxutils import escape

from feedparser.datetimes.greek import _parse_date_greek
from feedparser.datetimes.hungarian import _parse_date_hungarian
from feedparser.datetimes.korean import _parse_date_nate, _parse_date_onblog
from feedparser.datetimes.perforce import _parse_date_perforce
from feedparser.html import _BaseHTMLProcessor
from feedparser.mixin import _FeedParserMixin
from feedparser.urls import RelativeURIResolver, _urljoin, make_safe_absolute_uri, resolve_relative_uris

XHTML: Final = "application/xhtml+xml"
HTML_TYPES: Final = frozenset({"text/html", XHTML})
# feedparser's element sets (mixin.py): values of the first kind are URIs and get resolved,
# values of the second kind go through the HTML re-serializer when their type is HTML.
URI_ELEMENTS: Final = frozenset(_FeedParserMixin.can_be_relative_uri)
MARKUP_ELEMENTS: Final = frozenset(_FeedParserMixin.can_contain_relative_uris)

_VOID: Final = frozenset(_BaseHTMLProcessor.elements_no_end_tag)
_URI_ATTRIBUTES: Final = frozenset(RelativeURIResolver.relative_uris)
_ENTITY_NAMES: Final = frozenset(html.entities.name2codepoint) | {"apos"}
# A URL a browser opens: what a permalink guid must be to stand in for a missing link
# (both paths; see _feed_slow).
ABSOLUTE_LINK: Final = re.compile(r"^https?://\S+$", re.I)
_DATE_READERS: Final = (_parse_date_onblog, _parse_date_nate, _parse_date_greek, _parse_date_hungarian,
                         _parse_date_perforce)  # fmt: skip
_TYPE_NAMES: Final = {"text": "text/plain", "plain": "text/plain", "html": "text/html", "xhtml": XHTML}


def _cp1252_letters() -> dict[int, str]:
    letters = {}
    for byte in range(0x80, 0xA0):
        try:
            letters[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: undefined in Windows-1252
    return letters


_CP1252: Final = _cp1252_letters()
# Windows-1252 letters for the C1 controls U+0080-U+009F (the five undefined bytes stay).
_C1: Final = re.compile("[\x80-\x9f]")
# The subset of HTML the re-serializer returns unchanged. Possessive quantifiers: a value
# that fails near its end must not make the engine try every split of a long text run.
_REF: Final = r"&(?:[A-Za-z][A-Za-z0-9]*+|#[0-9]++|#x[0-9a-f]++);"
_ATTR_VALUE: Final = r'(?:[^"<>&\']++|&(?:[A-Za-z][A-Za-z0-9]*+|#[0-9]++);)*+'
_SIMPLE_HTML: Final = re.compile(
    r"(?:[^<&]++"
    r"|&(?![A-Za-z#])"  # a bare ampersand: sgmllib passes it on as text
    rf"|{_REF}"
    r"|</[a-z][a-z0-9]*+>"
    rf'|<[a-z][a-z0-9]*+(?: [a-z][a-z0-9-]*+="{_ATTR_VALUE}")*+(?: /)?>'
    r")*+"
)
_REFS: Final = re.compile(r"&(?:([A-Za-z][A-Za-z0-9]*)|#([0-9]+)|#x([0-9a-f]+));")
_TAGS: Final = re.compile(r"<(/?)([a-z][a-z0-9]*)([^>]*)>")
_ATTRS: Final = re.compile(r' ([a-z][a-z0-9-]*)="([^"]*)"')


def fix(value: str) -> str:
    """feedparser's last two steps on every text value: Latin-1 mojibake, then C1 letters."""
    if value.isascii():
        return value
    try:
        value = value.encode("iso-8859-1").decode("utf-8")
    except UnicodeError:
        pass  # not UTF-8 read as Latin-1: the usual case
    return value.translate(_CP1252) if _C1.search(value) else value


def html_pass(value: str, content_type: str, base: str) -> str:
    """``value`` as feedparser's relative-URI resolver gives it back (``content_type`` HTML)."""
    if _unchanged_by_resolver(value, base):
        return value
    return str(resolve_relative_uris(value, base, "utf-8", content_type))


def looks_like_html(value: str) -> bool:
    """feedparser's guess that an RSS "plain text" value is really HTML."""
    # It needs an end tag or a reference, so without "<" and "&" the answer is known.
    return ("<" in value or "&" in value) and bool(_FeedParserMixin.looks_like_html(value))


def resolve(base: str, uri: str) -> str:
    """``uri`` joined to ``base`` the way feedparser resolves ``link`` and ``id`` values."""
    return str(_urljoin(base, uri))


def effective_base(url: str) -> str:
    """The base URI feedparser ends up with for a feed read from ``url`` ("" unless http(s))."""
    if not url.startswith(("http://", "https://")):
        return ""
    # feedparser re-joins the base to itself at every element; that is idempotent after once.
    return str(make_safe_absolute_uri(url, url) or url)


def map_type(value: str) -> str:
    """A ``type`` attribute as feedparser names it (Atom ``text``/``html``/``xhtml`` → MIME)."""
    value = value.lower()
    return _TYPE_NAMES.get(value, value)


def escape_text(value: str) -> str:
    """Character data inside XHTML content, escaped as feedparser writes it back."""
    return escape(value)


def escape_attribute(value: str) -> str:
    """An attribute value inside XHTML content, escaped as feedparser writes it back."""
    return escape(value, {'"': "&quot;"})


def feedparser_date(value: str) -> time.struct_time | None:
    """The dates of feedparser's format-specific readers ``dates.parse_datetime`` lacks, in UTC.

    Only readers of one fixed format each: Greek, Hungarian and Korean blog dates and
    Perforce's. Not feedparser's ISO 8601 reader, which guesses (``02-03-2014 00:56:28``
    became 2002-03-20), nor its RFC 822 one, which takes an unknown zone for UTC, nor
    W3C-DTF dates of reduced precision (``2003-12`` is not a day).
    """
    if not value:
        return None
    for reader in _DATE_READERS:
        try:
            parsed: Any = reader(value)
        except (KeyError, OverflowError, ValueError, AttributeError):
            continue  # what feedparser's own _parse_date lets pass
        if isinstance(parsed, time.struct_time):
            return parsed
    return None


def _unchanged_by_resolver(value: str, base: str) -> bool:
    # Why each rule holds, from feedparser's html.py/urls.py and sgmllib: text without "<"
    # or "&" is copied as it is; tags are written back lower-case, attributes lower-cased,
    # de-duplicated, sorted, double-quoted and single-spaced, void elements as "<br />" and
    # their end tags dropped; "&#39;" and "&#34;" are replaced before parsing; named
    # references survive only when HTML knows the name; numeric ones in 128-159 are
    # rewritten to the Windows-1252 letter; URI attributes are resolved against the base.
    if "<" not in value and "&" not in value:
        return True
    if "&#39;" in value or "&#34;" in value or _SIMPLE_HTML.fullmatch(value) is None:
        return False
    if "&" in value:
        for name, decimal, hexadecimal in _REFS.findall(value):
            if name:
                if name not in _ENTITY_NAMES:
                    return False
            elif 128 <= (int(decimal) if decimal else int(hexadecimal, 16)) <= 159:
                return False
    for closing, tag, rest in _TAGS.findall(value):
        void = tag in _VOID
        if closing:
            if void:
                return False
            continue
        if rest.endswith(" /") != void:
            return False
        if rest and not _attributes_unchanged(tag, _ATTRS.findall(rest), base):
            return False
    return True


def _attributes_unchanged(tag: str, attributes: list[tuple[str, str]], base: str) -> bool:
    names = [name for name, _ in attributes]
    if any(a >= b for a, b in zip(names, names[1:], strict=False)):
        return False  # not strictly sorted: feedparser sorts and de-duplicates them
    for name, value in attributes:
        if name in ("rel", "type") and value != value.lower():
            return False
        if (tag, name) in _URI_ATTRIBUTES:
            resolved = make_safe_absolute_uri(base, value.strip())
            if resolved and resolved != value:
                return False
    return True
