"""Read RSS 2.0 / 0.9x, RSS 1.0 (RDF) and Atom 1.0 / 0.3 feeds into stories, with lxml.

Each entry of the feed is one story: its id (RSS ``guid``, Atom ``id``, RDF ``rdf:about``),
as written, is the agency id (a guid is never resolved against the feed's address, and is
the link only when it is an absolute http(s) URL); title, summary and full content
(``content:encoded``, Atom ``content``) give headline, abstract and body;
``dc:creator``/``author`` the byline; categories the subjects (``Subject(code=term,
name=label or term)``: feed categories are free words, not qcodes, so the term itself is
the code). The feed gives provider (title), copyright and the default language (and, in
Atom, the default author: RFC 4287 §4.2.1). An entry with neither title nor text is
skipped (``SkippedItem.position`` counts entries from 1); the others are kept. Dates are
read by ``dates.parse_datetime`` (RFC 822 in many languages, ISO 8601) and a few fixed
formats of feed software (``_feed_dates``), never guessed: an unreadable date is left out
and ``StoryData.notes`` says so.

The bytes are parsed by ``xmlsafe.parse_xml``; a feed that is not well-formed is repaired
or recovered by ``_feed_recover`` and read as far as its entries came through.
``_feed_entries`` walks the tree (``_feed_names`` says what each element is, ``_feed_text``
holds the string steps); this module makes stories of the entries. Media RSS titles and
descriptions describe a media object and are never the story's.

Does not fetch anything, sanitizes every body with ``sanitize_body``, and ignores
enclosures and Media RSS (a caption is not the story). feedparser is not used: Wiredesk
read feeds with it until issue #12, and the tests hold this reader to its stories
(``test_feed_rules.py``) and to its own test corpus (``test_feedparser_corpus.py``).
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Final, NamedTuple

from wiredesk.ingest import xmlsafe
from wiredesk.ingest.dates import date_note, parse_datetime, unreadable
from wiredesk.ingest.exceptions import ParseError, UnsafeXML
from wiredesk.ingest.formats._feed_dates import read_fixed_format
from wiredesk.ingest.formats._feed_entries import Entry, Feed, Text, read_feed
from wiredesk.ingest.formats._feed_recover import parse_broken
from wiredesk.ingest.formats._feed_text import HTML_TYPES, TEXT_TYPES
from wiredesk.ingest.sanitize import sanitize_body, text_to_html
from wiredesk.ingest.types import ParseResult, SkippedItem, StoryData, Subject
from wiredesk.text import plain_text, without_code

HEADLINE_WORDS: Final = 12

_SPACE: Final = re.compile(r"\s+")
_EMAIL_THEN_NAME: Final = re.compile(r"^\S+@\S+\s*\((.+)\)$")  # RSS <author>: "a@b.c (Name)"
_NAME_THEN_EMAIL: Final = re.compile(r"^(.+?)\s*[<(]\S+@\S+[>)]$")  # "Name <a@b.c>", "Name (a@b.c)"
_TEXTUAL: Final = HTML_TYPES | TEXT_TYPES


def parse(data: bytes, *, url: str = "") -> ParseResult:
    """Return the stories of the feed ``data``; raise ``ParseError``/``UnsafeXML`` with a reason.

    ``url`` (where the feed came from) is the base for relative links when it is http(s).
    """
    try:
        root = xmlsafe.parse_xml(data)
    except UnsafeXML:
        raise
    except ParseError as problem:
        if not data or data.isspace():
            raise
        root, repaired = parse_broken(data, problem)
        feed = read_feed(root, url)
        if repaired and not feed.entries:
            raise ParseError(f"The feed is not well-formed XML and no item could be read from it: {problem}") from None
        return make_stories(feed)
    return make_stories(read_feed(root, url))


class _FeedValues(NamedTuple):
    """What every story of one feed takes from the feed itself, worked out once."""

    fmt: str
    provider: str
    copyright: str
    byline: str  # Atom only: the feed's author is the entries' default (Atom §4.2.1)
    language: str


def make_stories(feed: Feed) -> ParseResult:
    """The stories of ``feed``, as ``parse`` returns them; entries with neither title nor text skipped.

    Does not read anything: ``parse`` (and, in the tests, a reference reader) gives the ``Feed``.
    """
    values = _FeedValues(
        fmt=feed.format,
        provider=_as_plain(feed.title),
        copyright=_as_plain(feed.rights),
        byline=_byline(feed.authors) if feed.format == "atom" else "",
        language=feed.language,
    )
    stories: list[StoryData] = []
    skipped: list[SkippedItem] = []
    for position, entry in enumerate(feed.entries, start=1):
        story = _story(entry, values)
        if story is None:
            skipped.append(SkippedItem(position, f"Feed entry {position} has neither a title nor any text."))
        else:
            stories.append(story)
    return ParseResult(format=feed.format, stories=tuple(stories), skipped=tuple(skipped))


def _story(entry: Entry, feed: _FeedValues) -> StoryData | None:
    title = _as_plain(entry.title)
    content = next((c for c in entry.contents if c.value.strip()), None)
    if content is not None and content.type not in _TEXTUAL:
        content = None  # an image or other out-of-line content is not the story's text
    # a content is also the summary of an entry that has none (RSS 1.0 Content, Atom §4.1.3)
    summary = entry.summary or next((c for c in entry.contents if c.type in _TEXTUAL), None)
    summary_raw = summary.value if summary else ""
    content_raw = content.value if content else ""
    if not title and not content_raw.strip() and not summary_raw.strip():
        return None

    has_abstract = bool(content_raw) and summary_raw.strip() != content_raw.strip()
    abstract = _as_plain(summary) if has_abstract else ""
    body_html = _body(content or summary)
    if not title:
        title = _first_words(_as_plain(summary) or _as_plain(content))

    published, updated = _date(entry.published), _date(entry.updated)
    link = entry.link or ""
    agency_id = entry.id.strip() or link.strip()
    if not agency_id:
        raw_title = entry.title.value if entry.title else ""
        digest = hashlib.sha1(f"{raw_title}\n{entry.published}".encode(), usedforsecurity=False)
        agency_id = f"urn:sha1:{digest.hexdigest()}"
    return StoryData(
        agency_id=agency_id,
        headline=title,
        body_html=body_html,
        abstract=abstract,
        byline=_byline(entry.authors) or feed.byline,
        language=_language((content, entry.title, entry.summary), feed.language),
        first_created=published,
        version_created=updated or published,
        subjects=tuple(_subjects(entry.categories)),
        provider=feed.provider,
        link=link if link.startswith(("http://", "https://")) else "",
        copyright=_as_plain(entry.rights) or feed.copyright,
        format=feed.fmt,
        notes=_date_notes(entry.published, published, entry.updated, updated),
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
    return unreadable(text) and read_fixed_format(text) is None


def _date(text: str) -> datetime | None:
    if not text:
        return None
    return parse_datetime(text) or read_fixed_format(text)


def _body(text: Text | None) -> str:
    if text is None:
        return ""
    if text.type in TEXT_TYPES:
        return sanitize_body(text_to_html(text.value))
    if "<" not in text.value:
        # RSS calls every description HTML; one without a single tag is text in paragraphs.
        return sanitize_body(text_to_html(html.unescape(text.value)))
    return sanitize_body(text.value)


def _as_plain(text: Text | None) -> str:
    if text is None:
        return ""
    # A text/plain value is already decoded: running plain_text on it would eat "a < b > c"
    # and decode a literal "&amp;" a second time.
    if text.type in TEXT_TYPES:
        # a script or style block is code even in "text": left out with its content
        return _SPACE.sub(" ", without_code(text.value)).strip()
    return plain_text(text.value)


def _first_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:HEADLINE_WORDS]) + (" …" if len(words) > HEADLINE_WORDS else "")


def _byline(authors: Sequence[str]) -> str:
    return ", ".join(dict.fromkeys(name for name in map(_person, authors) if name))


def _person(value: str) -> str:
    value = plain_text(value)
    match = _EMAIL_THEN_NAME.match(value) or _NAME_THEN_EMAIL.match(value)
    if match:
        return match.group(1).strip()
    return "" if "@" in value and " " not in value else value


def _language(texts: Sequence[Text | None], feed_language: str) -> str:
    candidates = [text.language for text in texts if text is not None]
    return next((c.strip().replace("_", "-") for c in [*candidates, feed_language] if c.strip()), "")


def _subjects(categories: Sequence[tuple[str, str]]) -> Iterator[Subject]:
    seen: set[str] = set()
    for raw_term, raw_label in categories:
        label = plain_text(raw_label)
        term = plain_text(raw_term) or label
        if term and term not in seen:
            seen.add(term)
            yield Subject(code=term, name=label or term)
