"""The rules both feed paths apply where feedparser alone would lose what the agency wrote.

A guid (or Atom id) stays as written, even read from an http address; Media RSS titles and
descriptions never become the entry's title or text; unreadable dates are left out with a
note, never guessed. ``_feed_slow`` is feedparser itself wherever these rules do not
apply. Pure: no database.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import feedparser
import pytest

from wiredesk.demo.wire import generate_wire
from wiredesk.ingest.formats import _feed_slow, feed
from wiredesk.ingest.tests import feedparser_corpus
from wiredesk.ingest.types import ParseResult

DATA = Path(__file__).parent / "data"
HTTP = "https://wire.acme.example/feeds/main.xml"


def _both(data: bytes, url: str) -> ParseResult:
    """The fast path's result, checked equal to the feedparser path's."""
    fast = feed._parse_fast(data, url)
    slow = feed._parse_feedparser(data, url)
    assert fast is not None and fast == slow
    return fast


def test_guids_stay_as_written_when_read_over_http() -> None:
    stories = _both((DATA / "acme-rss-guid.xml").read_bytes(), HTTP).stories
    assert [(s.agency_id, s.link) for s in stories] == [
        ("acme-20240622-0001", ""),  # feedparser made it https://wire.acme.example/feeds/acme-20240622-0001
        ("/2024/06/22/relative", ""),
        ("https://wire.acme.example/2024/06/22/absolute", "https://wire.acme.example/2024/06/22/absolute"),
        ("acme-20240622-0004", "https://wire.acme.example/2024/06/22/linked"),
    ]


def test_atom_ids_stay_as_written_and_links_are_still_resolved() -> None:
    data = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        b'<entry><id>tag-1</id><title>One</title><link href="/one"/><content type="html">x</content></entry>'
        b"<entry><id>2</id><title>Two</title><content>y</content></entry></feed>"
    )
    stories = _both(data, HTTP).stories
    assert [(s.agency_id, s.link) for s in stories] == [
        ("tag-1", "https://wire.acme.example/one"),  # a relative link is a link: resolved
        ("2", ""),
    ]


def test_media_descriptions_are_not_the_story_in_a_feed_feedparser_recovers() -> None:
    # not well-formed (the stray "&"), so only feedparser's lenient parser reads it
    data = (DATA / "acme-rss-media.xml").read_bytes().replace(b"<title>Acme Newswire</title>", b"<title>A & B</title>")
    assert feed._parse_fast(data, HTTP) is None
    stories = feed.parse(data, url=HTTP).stories
    assert stories[0].body_html == "<p>Ines Moura kept the Cape Alva light burning through 14,600 nights.</p>"
    assert stories[0].headline == "Lighthouse keeper retires after 40 years"
    assert stories[1].abstract == "Ministers meet again on Thursday."
    assert stories[2].body_html == ""


def test_feedparser_alone_would_have_taken_the_caption_for_the_body() -> None:
    # the bug this guards against, shown on feedparser itself
    parsed = feedparser.parse(io.BytesIO((DATA / "acme-rss-media.xml").read_bytes()))
    assert parsed["entries"][0]["content"][0]["value"] == "image"
    assert feed.parse((DATA / "acme-rss-media.xml").read_bytes()).stories[0].body_html != "<p>image</p>"


def test_dates_feedparser_would_guess_are_left_out_with_a_note() -> None:
    item = b"<item><title>T</title><description>x</description><pubDate>%s</pubDate></item>"
    for written in (b"02-03-2014 00:56:28", b"031231", b"2003-12"):
        data = b'<rss version="2.0"><channel>' + item % written + b"</channel></rss>"
        story = _both(data, "").stories[0]
        assert story.first_created is None and story.version_created is None
        assert story.notes == (f"published date unreadable: {written.decode()!r}; receipt time used",)


def test_formats_only_feedparser_reads_are_still_read() -> None:
    # a Korean blog date (feedparser's "nate" reader): fixed format, nothing to guess
    data = (
        '<rss version="2.0"><channel><item><title>T</title><description>x</description>'
        "<pubDate>2004-05-25 오후 11:23:17</pubDate></item></channel></rss>"
    ).encode()
    story = _both(data, "").stories[0]
    assert story.first_created is not None and story.first_created.hour == 14 and not story.notes


# --- _feed_slow is feedparser where its three rules do not apply -------------------------

_RULES = re.compile(rb"search\.yahoo\.com/mrss|<(?:[\w.-]+:)?(?:guid|id)\b", re.I)
_CHANGED_KEYS = frozenset({"id", "link", "guidislink"})


def _feeds() -> list[bytes]:
    found = [p.read_bytes() for p in sorted(DATA.iterdir()) if p.suffix == ".xml"]
    found += [p.data for p in generate_wire(400, seed=3) if p.format in ("rss", "atom")]
    root = feedparser_corpus.folder()
    if root is not None and root.is_dir():
        found += [p.read_bytes() for kind in ("wellformed", "illformed") for p in feedparser_corpus.files(root, kind)]
    return found


def _comparable(value: Any, *, drop_ids: bool) -> Any:
    if isinstance(value, dict):
        return {
            k: _comparable(v, drop_ids=drop_ids)
            for k, v in value.items()
            if not (drop_ids and k in _CHANGED_KEYS) and k != "bozo_exception"
        }
    if isinstance(value, list):
        return [_comparable(v, drop_ids=drop_ids) for v in value]
    return value


@pytest.mark.parametrize("url", ["", HTTP])
def test_the_slow_path_is_feedparser_where_the_rules_do_not_apply(url: str) -> None:
    compared = untouched = 0
    for data in _feeds():
        if b"<!ENTITY" in data:
            continue  # refused before any parser sees it
        headers = {"content-location": url} if url else {}
        theirs = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=False)
        ours = _feed_slow.parse(data, url)
        if b"mrss" in data.lower():
            continue  # Media RSS titles and descriptions: feedparser differs by design
        touched = _RULES.search(data) is not None  # guids and ids: compared without them
        for key in ("feed", "entries", "bozo", "encoding", "version"):
            assert _comparable(ours.get(key), drop_ids=touched) == _comparable(theirs.get(key), drop_ids=touched), key
        compared += 1
        untouched += not touched
    assert compared > 50 and untouched > 5
