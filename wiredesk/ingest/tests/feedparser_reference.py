"""feedparser's public ``parse`` made into Wiredesk stories: the reference the feed reader is held to.

``parse_with_feedparser`` runs ``feedparser.parse`` (its documented API only: the function
and the result it returns) and maps the result onto ``_feed_entries.Feed``, then builds
the stories with ``feed.py``'s own story building, so that any difference between the two
is a difference in reading the feed. Up to the rules of ``test_feed_rules.py``, this is how
Wiredesk read feeds before issue #12.
``test_feed_rules.py`` compares the lxml reader with it; ``bench/feeds.py`` times it.

Not used by Wiredesk itself. Pure: no database.
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Mapping
from typing import Any, Final

import feedparser

from wiredesk.ingest.exceptions import ParseError
from wiredesk.ingest.formats import feed
from wiredesk.ingest.formats._feed_entries import Entry, Feed, Text
from wiredesk.ingest.types import ParseResult

# The rules where Wiredesk departs from feedparser (test_feed_rules.py): feeds with guids or
# ids are compared without ids and links when read from an address (feedparser resolves ids
# against it); Media RSS titles and descriptions are taken out of feedparser's copy of a
# feed (feedparser takes captions for the entry's text).
_IDS: Final = re.compile(rb"<(?:[\w.-]+:)?(?:guid|id)\b", re.I)
_MEDIA_PREFIX: Final = re.compile(rb"xmlns:([\w.-]+)\s*=\s*[\"']http://search\.yahoo\.com/mrss/?[\"']", re.I)


def parse_with_feedparser(data: bytes, url: str = "") -> ParseResult:
    """The stories ``feed.parse`` would give if feedparser read the feed ``data`` from ``url``.

    ``url`` is passed as the document's ``Content-Location`` when it is http(s), as it is
    the base for relative links; feedparser then also resolves ids against it.
    """
    headers = {"content-location": url} if url.startswith(("http://", "https://")) else {}
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=False)
    return feed.make_stories(to_feed(parsed))


def without_media_texts(data: bytes) -> bytes:
    """``data`` less its Media RSS ``title`` and ``description`` elements (the prefix ``media``,
    or any prefix bound to the Media RSS namespace), for feedparser to read as Wiredesk does."""
    for prefix in {b"media", *_MEDIA_PREFIX.findall(data)}:
        name = re.escape(prefix)
        data = re.sub(rb"<" + name + rb":(title|description)\b[^>]*?(?:/>|>.*?</" + name + rb":\1\s*>)", b"", data,
                      flags=re.S)  # fmt: skip
    return data


def to_feed(parsed: Mapping[str, Any]) -> Feed:
    """feedparser's result as the ``Feed`` the lxml reader gives."""
    version = str(parsed.get("version") or "")
    channel = dict(parsed.get("feed") or {})
    result = Feed(
        "atom" if version.startswith("atom") else "rss",
        title=_text(channel, "title"),
        rights=_text(channel, "rights"),
        authors=_authors(channel),
        language=str(channel.get("language") or ""),
    )
    for entry in parsed.get("entries") or []:
        item = dict(entry)  # a plain dict: feedparser's own reads a missing "updated" as "published"
        link = item.get("link")
        result.entries.append(
            Entry(
                id=str(item.get("id") or ""),
                title=_text(item, "title"),
                # a summary without details is feedparser's copy of the content: feed.py copies it itself
                summary=_text(item, "summary"),
                contents=[
                    Text(str(c.get("value") or ""), str(c.get("type") or ""), c.get("language") or "")
                    for c in item.get("content") or []
                ],  # fmt: skip
                link=str(link) if link is not None else None,
                authors=_authors(item),
                published=str(item.get("published") or ""),
                updated=str(item.get("updated") or ""),
                categories=[(str(t.get("term") or ""), str(t.get("label") or "")) for t in item.get("tags") or []],
                rights=_text(item, "rights"),
            )
        )
    return result


def _text(mapping: Mapping[str, Any], key: str) -> Text | None:
    detail = mapping.get(f"{key}_detail")
    if not detail:
        return None
    return Text(str(mapping.get(key) or ""), str(detail.get("type") or ""), detail.get("language") or "")


def _authors(mapping: Mapping[str, Any]) -> list[str]:
    authors = mapping.get("authors") or []
    raw = str(mapping.get("author") or "")
    if len(authors) <= 1 and raw:
        return [raw]  # one author: as written ("a@b.example (Name)", "Name (a@b.example)")
    return [str(author.get("name") or "") for author in authors]


def assert_as_feedparser_read_it(data: bytes, url: str) -> None:
    """``feed.parse`` gives the stories feedparser gave, but for the rules above."""
    ours, theirs = _outcome(data, url, reference=False), _outcome(without_media_texts(data), url, reference=True)
    if isinstance(ours, str) or isinstance(theirs, str):
        # a refusal: feedparser read no story either
        assert isinstance(theirs, str) or not theirs.stories, (ours, theirs)
        return
    if url and _IDS.search(data):
        ours, theirs = (_without_ids(result) for result in (ours, theirs))
    assert ours == theirs


def _outcome(data: bytes, url: str, *, reference: bool) -> ParseResult | str:
    try:
        return parse_with_feedparser(data, url) if reference else feed.parse(data, url=url)
    except ParseError as exc:
        return type(exc).__name__


def _without_ids(result: ParseResult) -> ParseResult:
    stories = tuple(dataclasses.replace(story, agency_id="", link="") for story in result.stories)
    return dataclasses.replace(result, stories=stories)
