"""Take the introductory ``<header>`` out of an XHTML body and read its parts.

Agencies that send XHTML bodies in NewsML-G2 (``inlineXML``) often open them with an HTML5
``<header>``: slugline, time, genre, headline, byline, dateline. Left in the body, readers
see that block twice — once as the page's own headline and metadata, once as text. The
header is the item's when it comes before any text of the body (HTML Living Standard
§4.3.8, ``header``: "introductory content"); a ``<header>`` later on, inside a section, is
that section's heading and stays.

Parts are told by element and by ``class`` (or schema.org ``itemprop``) words:
``h1`` or "headline"/"title" → headline; ``h2``–``h6`` or "subheadline"/"subtitle" →
subheadline; "slugline"/"slug"/"keywords" → slugline; ``address`` or "byline"/"author" →
byline; "dateline" → dateline; "standfirst"/"summary"/"abstract"/"description" →
abstract; ``time`` (its ``datetime``, else its text) or "datePublished" → the item's time.
They only stand in where the G2 metadata has no value. "genre"/"kicker" and any other
text has no field in ``StoryData``: it is left out, and a note says what.

Pure; changes only the tree it is given (a copy the caller made).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from lxml import etree

from wiredesk.ingest.formats._g2_meta import text
from wiredesk.ingest.formats._markup import drop_element
from wiredesk.ingest.xmlsafe import local_name

# class / itemprop words (lower case) → part
_WORDS: Final = {
    "headline": "headline", "title": "headline",
    "subheadline": "subheadline", "subhead": "subheadline", "subtitle": "subheadline",
    "alternativeheadline": "subheadline",
    "slugline": "slugline", "slug": "slugline", "keywords": "slugline", "keyword": "slugline",
    "byline": "byline", "author": "byline", "creator": "byline", "by": "byline",
    "dateline": "dateline",
    "standfirst": "abstract", "summary": "abstract", "abstract": "abstract", "description": "abstract",
    "datepublished": "time", "datecreated": "time", "datemodified": "time", "time": "time", "date": "time",
    "genre": "genre", "kicker": "genre",
}  # fmt: skip
_ELEMENTS: Final = {
    "h1": "headline", "h2": "subheadline", "h3": "subheadline", "h4": "subheadline", "h5": "subheadline",
    "h6": "subheadline", "address": "byline", "time": "time",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Header:
    """The parts of an XHTML body's introductory header, as plain text (``time`` as written)."""

    headline: str = ""
    subheadline: str = ""
    slugline: str = ""
    byline: str = ""
    dateline: str = ""
    abstract: str = ""
    time: str = ""
    notes: tuple[str, ...] = field(default=())


def read_header(body: etree._Element) -> Header:
    """Remove the introductory ``<header>`` from ``body`` and return its parts (empty if none)."""
    header = _introductory_header(body)
    if header is None:
        return Header()
    parts: dict[str, str] = {}
    notes: list[str] = []
    _read_parts(header, parts, notes)
    rest = text(header)  # what _read_parts did not take (it removes what it reads)
    if rest:
        notes.append(f"XHTML header text left out: {_short(rest)!r}")
    drop_element(header)
    return Header(**parts, notes=tuple(notes))


def _introductory_header(body: etree._Element) -> etree._Element | None:
    """The first ``<header>`` of ``body`` when no text of the body comes before it."""
    header = next((node for node in body.iter("{*}header") if isinstance(node.tag, str)), None)
    if header is None:
        return None
    ancestors = set(header.iterancestors())
    for node in body.iter():
        if node is header:
            return header
        if node.text and node.text.strip() and isinstance(node.tag, str):
            return None
        if node is not body and node not in ancestors and node.tail and node.tail.strip():
            return None
    return None


def _read_parts(element: etree._Element, parts: dict[str, str], notes: list[str]) -> None:
    for node in list(element):
        if not isinstance(node.tag, str):
            continue
        part = _part(node)
        if part is None:
            _read_parts(node, parts, notes)
            continue
        value = (node.get("datetime") or "").strip() if part == "time" else ""
        value = value or text(node)
        if not value:
            pass
        elif part == "genre":
            notes.append(f"XHTML header genre {_short(value)!r} left out (no field for it)")
        elif part not in parts:
            parts[part] = value
        elif part == "byline":
            parts[part] += ", " + value  # several authors
        else:
            notes.append(f"XHTML header {part} {_short(value)!r} left out (one is kept)")
        drop_element(node)


def _part(node: etree._Element) -> str | None:
    words = f"{node.get('class') or ''} {node.get('itemprop') or ''}".lower().split()
    for word in words:
        if word in _WORDS:
            return _WORDS[word]
    return _ELEMENTS.get(local_name(node).lower())


def _short(value: str) -> str:
    return value if len(value) <= 80 else value[:79] + "…"
