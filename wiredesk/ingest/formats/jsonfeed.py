"""Parse JSON Feed 1.0 and 1.1 (jsonfeed.org) into ``StoryData``, one story per item.

Mapping: ``id`` → agency id (numbers are accepted and written as text); ``title`` →
headline, or when an item has none the ``summary``, or the first words of its content;
``summary`` → abstract; ``content_html`` (sanitized) or ``content_text`` → body (a
``content_text`` that clearly is HTML markup is read as HTML, with a note);
``date_published`` → first created; ``date_modified`` (else ``date_published``) → version
time; ``authors`` (1.1) or ``author`` (1.0), falling back to the feed's → byline;
``language`` of the item or the feed; ``url`` → link; ``tags`` → subjects (code and name: the tag); the
feed's ``title`` → provider.

An item that cannot be read (no ``id``, no text at all) becomes a ``SkippedItem`` whose
``position`` is its place in ``items``, counted from 1; the others still count. JSON Feed has no
versions, statuses, embargoes or corrections: every story is usable, version ``""``.

Does not follow ``next_url`` (paging), fetch ``external_url`` or read attachments.
"""

from __future__ import annotations

from typing import Any, Final

from wiredesk.ingest.dates import first_date
from wiredesk.ingest.exceptions import ParseError
from wiredesk.ingest.formats._json import JsonObject, first_text, load_json, names, text_value
from wiredesk.ingest.formats._markup import looks_like_html
from wiredesk.ingest.sanitize import sanitize_body, text_to_html
from wiredesk.ingest.types import ParseResult, SkippedItem, StoryData, Subject
from wiredesk.text import plain_text

FORMAT: Final = "jsonfeed"
HEADLINE_WORDS: Final = 12


def parse(data: bytes, *, url: str = "") -> ParseResult:
    """Parse a JSON Feed; raise ``ParseError`` when the payload is not one."""
    root = load_json(data, FORMAT)
    if not isinstance(root, dict):
        raise ParseError("The JSON Feed payload is not a JSON object.")
    items = root.get("items")
    if not isinstance(items, list):
        raise ParseError("The JSON Feed has no list of items.")
    feed = _FeedDefaults(
        provider=plain_text(first_text(root, "title")),
        language=first_text(root, "language"),
        byline=_byline(root),
    )
    stories: list[StoryData] = []
    skipped: list[SkippedItem] = []
    for position, item in enumerate(items, start=1):  # positions count from 1, as people do
        if not isinstance(item, dict):
            skipped.append(SkippedItem(position, f"Item {position}: the JSON Feed item is not a JSON object."))
            continue
        try:
            stories.append(_story(item, feed))
        except ParseError as exc:
            skipped.append(SkippedItem(position, f"Item {position}: {_lower_first(str(exc))}"))
        except (TypeError, ValueError, AttributeError, KeyError) as exc:  # a shape nobody foresaw
            skipped.append(SkippedItem(position, f"Item {position}: the JSON Feed item could not be read ({exc})."))
    return ParseResult(format=FORMAT, stories=tuple(stories), skipped=tuple(skipped))


class _FeedDefaults:
    """What an item inherits from its feed."""

    __slots__ = ("provider", "language", "byline")

    def __init__(self, *, provider: str, language: str, byline: str) -> None:
        self.provider = provider
        self.language = language
        self.byline = byline


def _story(item: JsonObject, feed: _FeedDefaults) -> StoryData:
    agency_id = text_value(item.get("id"))
    if not agency_id:
        raise ParseError("The JSON Feed item has no id.")
    notes: list[str] = []
    content_html = first_text(item, "content_html")
    content_text = first_text(item, "content_text")
    if content_html:
        body = sanitize_body(content_html)
    elif looks_like_html(content_text):
        body = sanitize_body(content_text)
        notes.append("content_text held HTML markup; read as HTML")
    else:
        body = text_to_html(content_text)
    summary = plain_text(first_text(item, "summary"))
    headline = plain_text(first_text(item, "title")) or summary or _first_words(plain_text(body))
    if not headline:
        raise ParseError(f"The JSON Feed item {agency_id[:100]} has no title, summary or content.")
    published = first_date([("date_published", first_text(item, "date_published"))], notes)
    modified = first_date(
        [("date_modified", first_text(item, "date_modified"))],
        notes,
        "date_published used" if published else "receipt time used",
    )
    link = first_text(item, "url")
    return StoryData(
        agency_id=agency_id,
        headline=headline,
        body_html=body,
        abstract=summary,
        byline=_byline(item) or feed.byline,
        language=first_text(item, "language") or feed.language,
        first_created=published,
        version_created=modified or published,
        subjects=_tags(item.get("tags")),
        provider=feed.provider,
        link=link if link.startswith(("http://", "https://")) else "",
        format=FORMAT,
        notes=tuple(notes),
    )


def _byline(obj: JsonObject) -> str:
    found = names(obj.get("authors")) or names(obj.get("author"))
    return plain_text(", ".join(found))


def _tags(value: Any) -> tuple[Subject, ...]:
    tags = [plain_text(text_value(tag)) for tag in value] if isinstance(value, list) else []
    unique = dict.fromkeys(tag for tag in tags if tag)
    return tuple(Subject(code=tag, name=tag) for tag in unique)  # as feed.py does with categories


def _first_words(text: str) -> str:
    words = text.split()
    if len(words) <= HEADLINE_WORDS:
        return " ".join(words)
    return " ".join(words[:HEADLINE_WORDS]) + " …"


def _lower_first(message: str) -> str:
    return message[:1].lower() + message[1:]
