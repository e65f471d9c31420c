"""Read RSS 2.0 / 0.9x, RSS 1.0 (RDF) and Atom 1.0 feeds into stories: lxml first, else feedparser.

Each entry of the feed is one story: its id (RSS ``guid``, Atom ``id``, RDF ``rdf:about``),
as written, is the agency id (a guid is never resolved against the feed's address, and is
the link only when it is an absolute http(s) URL); title, summary and full content
(``content:encoded``, Atom ``content``) give headline, abstract and body;
``dc:creator``/``author`` the byline; categories the subjects (``Subject(code=term,
name=label or term)``: feed categories are free words, not qcodes, so the term itself is
the code). The feed gives provider (title), copyright and the default
language. An entry with neither title nor text is skipped (``SkippedItem.position`` counts
entries from 1); the others are kept. A feed that is not well-formed is read as far as
feedparser's lenient parser can recover entries. Dates are read by ``dates.parse_datetime``
(RFC 822 in many languages) and a few fixed formats only feedparser knows, never guessed:
an unreadable date is left out and ``StoryData.notes`` says so.

Two readers, one result. The fast path (``_feed_lxml``, five to six times faster) reads
well-formed RSS 2.0/0.9x and Atom 1.0 with lxml through ``xmlsafe.parse_xml`` and replays
feedparser's rules and string steps, so that it yields exactly what feedparser would. It
covers titles, descriptions/summaries, HTML, text and XHTML content, links, guids and ids,
authors (RSS text, ``dc:creator``, Atom persons), dates, categories, rights and languages,
and skips elements that only fill keys nobody reads (enclosures, Media RSS content,
generators, unknown namespaces). feedparser takes over whenever the fast path is not sure:
XML that lxml cannot parse, RSS 1.0/RDF and Atom 0.3, a DOCTYPE, encodings other than
UTF-8 (or ASCII), a feed fetched over http without an encoding declaration, ``xml:base``,
base64 or out-of-line content, iTunes and other extensions feedparser gives meaning to,
and odd shapes such as a second description or mixed plain-text and Atom authors (the
full list is in ``_feed_lxml``). The feedparser path is feedparser with three rules changed
(``_feed_slow``: ids as written, Media RSS titles and descriptions dropped), and the fast
path follows them too. Both paths share the story building below.

Does not fetch anything (feedparser gets the bytes, never a string it might take for a URL
or a file name), does not trust feedparser's sanitizer (bodies go through
``sanitize_body``), and ignores enclosures and Media RSS (a caption is not the story).
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Final, NamedTuple

import feedparser

from wiredesk.ingest import xmlsafe
from wiredesk.ingest.dates import date_note, parse_datetime, unreadable
from wiredesk.ingest.exceptions import ParseError, UnsafeXML
from wiredesk.ingest.formats import _feed_lxml, _feed_slow
from wiredesk.ingest.formats._feed_text import feedparser_date
from wiredesk.ingest.sanitize import plain_text, sanitize_body, text_to_html, without_code
from wiredesk.ingest.types import ParseResult, SkippedItem, StoryData, Subject

HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
TEXT_TYPES: Final = frozenset({"text/plain", "text"})
HEADLINE_WORDS: Final = 12

_SPACE: Final = re.compile(r"\s+")
_EMAIL_THEN_NAME: Final = re.compile(r"^\S+@\S+\s*\((.+)\)$")  # RSS <author>: "a@b.c (Name)"
_NAME_THEN_EMAIL: Final = re.compile(r"^(.+?)\s*[<(]\S+@\S+[>)]$")  # feedparser: "Name (a@b.c)"
_FIRST_ELEMENT: Final = re.compile(rb"<[A-Za-z_]")

Entry = Mapping[str, object]


def parse(data: bytes, *, url: str = "") -> ParseResult:
    """Return the stories of the feed ``data``; raise ``ParseError``/``UnsafeXML`` with a reason.

    ``url`` (where the feed came from) is the base for relative links when it is http(s).
    """
    _refuse_unsafe(data)
    feed = _feed_lxml.read(data, url) or _read_with_feedparser(data, url)
    return _result(*feed)


def _parse_fast(data: bytes, url: str = "") -> ParseResult | None:
    """The fast path alone (``None`` where it hands over): for the differential test."""
    _refuse_unsafe(data)
    feed = _feed_lxml.read(data, url)
    return _result(*feed) if feed is not None else None


def _parse_feedparser(data: bytes, url: str = "") -> ParseResult:
    """The feedparser path alone: for the differential test."""
    _refuse_unsafe(data)
    return _result(*_read_with_feedparser(data, url))


def _read_with_feedparser(data: bytes, url: str) -> tuple[str, Entry, list[Entry]]:
    parsed = _feedparser(data, url)
    entries: list[Entry] = _maps(parsed.get("entries"))
    problem = parsed.get("bozo_exception")
    if not entries and parsed.get("bozo") and not isinstance(problem, feedparser.ThingsNobodyCaresAboutButMe):
        raise ParseError(f"The feed is not well-formed XML and no item could be read from it: {problem}")
    return _text(parsed, "version"), _map(parsed.get("feed")), entries


class _Feed(NamedTuple):
    """What every story of one feed takes from the feed itself, worked out once."""

    fmt: str
    provider: str
    copyright: str
    byline: str  # Atom only: the feed's author is the entries' default (Atom §4.2.1)
    language: str


def _result(version: str, channel: Entry, entries: Sequence[Entry]) -> ParseResult:
    fmt = "atom" if version.startswith("atom") else "rss"
    feed = _Feed(
        fmt=fmt,
        provider=_detail_text(channel, "title"),
        copyright=_detail_text(channel, "rights"),
        byline=_byline(channel) if fmt == "atom" else "",
        language=_text(channel, "language"),
    )
    stories: list[StoryData] = []
    skipped: list[SkippedItem] = []
    for position, entry in enumerate(entries, start=1):
        story = _story(entry, feed)
        if story is None:
            skipped.append(SkippedItem(position, f"Feed entry {position} has neither a title nor any text."))
        else:
            stories.append(story)
    return ParseResult(format=fmt, stories=tuple(stories), skipped=tuple(skipped))


def _refuse_unsafe(data: bytes) -> None:
    # feedparser runs its own XML parser (expat via xml.sax, then a lenient SGML one), so
    # xmlsafe's refusal of entity declarations (XML bombs, XXE) is applied here first.
    # Entities can only be declared in a DOCTYPE, so only documents with one pay for it.
    head = data[:65536]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    if b"<!DOCTYPE" not in head:
        return
    try:
        xmlsafe.parse_xml(data)
    except UnsafeXML:
        raise
    except ParseError:
        pass  # not well-formed: feedparser's lenient parser may still recover the entries
    # parse_xml looks for "<!ENTITY" in the raw bytes (blind to UTF-16) and its check stops
    # at the first syntax error; refuse any entity declaration before the root element here.
    root = _FIRST_ELEMENT.search(head)
    if b"<!ENTITY" in head[: root.start() if root else None]:
        raise UnsafeXML(
            "The XML declares entities, which Wiredesk refuses (they are how XML bombs and XXE attacks work)."
        )


def _feedparser(data: bytes, url: str) -> Mapping[str, Any]:
    try:
        result = _feed_slow.parse(data, url)
    except Exception as exc:  # noqa: BLE001 - feedparser has bugs on broken input; never crash
        raise ParseError(f"The feed could not be read ({type(exc).__name__}: {exc}).") from exc
    return _map(result)


def _story(entry: Entry, feed: _Feed) -> StoryData | None:
    title = _detail_text(entry, "title")
    summary_raw = _text(entry, "summary")
    summary_type = _text(_map(entry.get("summary_detail")), "type")
    content = next((c for c in _maps(entry.get("content")) if _text(c, "value").strip()), None)
    content_raw = _text(content, "value") if content else ""
    if content_raw and _text(content, "type") not in HTML_TYPES | TEXT_TYPES:
        content_raw = ""  # an image or other out-of-line content is not the story's text
    if not title and not content_raw.strip() and not summary_raw.strip():
        return None

    # feedparser copies content into summary when there is no summary of its own.
    has_abstract = bool(content_raw) and summary_raw.strip() != content_raw.strip()
    abstract = _as_plain(summary_raw, summary_type) if has_abstract else ""
    if content_raw:
        body_html = _body(content_raw, _text(content, "type"))
    else:
        body_html = _body(summary_raw, summary_type)
    if not title:
        text = _as_plain(summary_raw, summary_type) or _as_plain(content_raw, _text(content, "type"))
        title = _first_words(text)

    published_raw, updated_raw = _text(entry, "published"), _text(entry, "updated")
    published, updated = _date(published_raw), _date(updated_raw)
    link = _text(entry, "link")
    agency_id = _text(entry, "id").strip() or link.strip()
    if not agency_id:
        digest = hashlib.sha1(f"{_text(entry, 'title')}\n{published_raw}".encode(), usedforsecurity=False)
        agency_id = f"urn:sha1:{digest.hexdigest()}"
    return StoryData(
        agency_id=agency_id,
        headline=title,
        body_html=body_html,
        abstract=abstract,
        byline=_byline(entry) or feed.byline,
        language=_language(entry, content, feed.language),
        first_created=published,
        version_created=updated or published,
        subjects=tuple(_subjects(entry)),
        provider=feed.provider,
        link=link if link.startswith(("http://", "https://")) else "",
        copyright=_detail_text(entry, "rights") or feed.copyright,
        format=feed.fmt,
        notes=_date_notes(published_raw, published, updated_raw, updated),
    )


def _date_notes(published_raw: str, published: datetime | None, updated_raw: str,
                updated: datetime | None) -> tuple[str, ...]:  # fmt: skip
    """Notes for dates the entry has but Wiredesk could not read (never guessed)."""
    notes = []
    if published is None and _unreadable(published_raw):
        then = "updated date used" if updated else "receipt time used"
        notes.append(date_note("published date", published_raw, then))
    if updated is None and _unreadable(updated_raw):
        then = "published date used" if published else "receipt time used"
        notes.append(date_note("updated date", updated_raw, then))
    return tuple(notes)


def _unreadable(text: str) -> bool:
    return unreadable(text) and feedparser_date(text) is None


def _body(value: str, content_type: str) -> str:
    if content_type in TEXT_TYPES:
        return sanitize_body(text_to_html(value))
    if "<" not in value:
        # RSS calls every description HTML; one without a single tag is text in paragraphs.
        return sanitize_body(text_to_html(html.unescape(value)))
    return sanitize_body(value)


def _as_plain(value: str, content_type: str) -> str:
    # A text/plain value is already decoded: running plain_text on it would eat "a < b > c"
    # and decode a literal "&amp;" a second time.
    if content_type in TEXT_TYPES:
        # a script or style block is code even in "text": left out with its content
        return _SPACE.sub(" ", without_code(value)).strip()
    return plain_text(value)


def _detail_text(entry: Entry, key: str) -> str:
    return _as_plain(_text(entry, key), _text(_map(entry.get(f"{key}_detail")), "type"))


def _first_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:HEADLINE_WORDS]) + (" …" if len(words) > HEADLINE_WORDS else "")


def _date(text: str) -> datetime | None:
    value = parse_datetime(text)
    if value is not None or not text:
        return value
    # a few fixed formats only feedparser reads (its struct_time is in UTC); both paths
    # read the raw text the same way, whatever feedparser's own "…_parsed" says
    struct = feedparser_date(text)
    if struct is None:
        return None
    try:
        return datetime(*struct[:6], tzinfo=UTC)
    except (ValueError, OverflowError):
        return None


def _byline(entry: Entry) -> str:
    authors = _maps(entry.get("authors"))
    raw = _text(entry, "author")
    if len(authors) <= 1 and raw:
        # feedparser splits RSS "email (Name)" badly for long top-level domains; do it here.
        names = [_person(raw)]
    else:
        names = [_person(_text(author, "name")) for author in authors]
    return ", ".join(dict.fromkeys(name for name in names if name))


def _person(value: str) -> str:
    value = plain_text(value)
    match = _EMAIL_THEN_NAME.match(value) or _NAME_THEN_EMAIL.match(value)
    if match:
        return match.group(1).strip()
    return "" if "@" in value and " " not in value else value


def _language(entry: Entry, content: Entry | None, feed_language: str) -> str:
    candidates = [
        _text(content, "language") if content else "",
        _text(_map(entry.get("title_detail")), "language"),
        _text(_map(entry.get("summary_detail")), "language"),
        feed_language,
    ]
    return next((c.strip().replace("_", "-") for c in candidates if c.strip()), "")


def _subjects(entry: Entry) -> Iterator[Subject]:
    seen: set[str] = set()
    for tag in _maps(entry.get("tags")):
        label = plain_text(_text(tag, "label"))
        term = plain_text(_text(tag, "term")) or label
        if term and term not in seen:
            seen.add(term)
            yield Subject(code=term, name=label or term)


# feedparser is untyped: everything it returns passes through these three. Its dicts become
# plain dicts, so that "updated" is not silently (and with a warning) read as "published";
# the fast path's dicts already are plain and are not copied.
def _map(value: object) -> Mapping[str, Any]:
    if type(value) is dict:
        return value
    return dict(value) if isinstance(value, Mapping) else {}


def _maps(value: object) -> list[Mapping[str, Any]]:
    return [_map(item) for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def _text(mapping: Mapping[str, Any] | None, key: str) -> str:
    value = mapping.get(key) if mapping else None
    return value if isinstance(value, str) else ""
