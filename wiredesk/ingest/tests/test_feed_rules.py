"""The feed reader gives the stories feedparser gave, except where feedparser lost what the agency wrote.

Wiredesk read feeds with feedparser until issue #12; stories stored then must not change
(their content hash decides whether a re-sent item is a new version). So the lxml reader
is compared with ``feedparser.parse`` (public API, ``feedparser_reference``) on every feed
sample: ours, the demo wire, the corpus in ``../shared`` (``test_feedparser_corpus.py``
does feedparser's own corpus), and random HTML bodies. They differ only by the rules
below, each tested: a guid (or Atom id) stays as written and is a link only when it is an
absolute http(s) URL; Media RSS titles and descriptions never become the entry's; dates
feedparser would guess are left out with a note. Pure: no database.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import feedparser
import pytest

from wiredesk.demo.wire import generate_wire
from wiredesk.ingest.detect import detect_format
from wiredesk.ingest.exceptions import ParseError
from wiredesk.ingest.formats import _feed_dates, feed
from wiredesk.ingest.tests.feedparser_reference import assert_as_feedparser_read_it, parse_with_feedparser

DATA = Path(__file__).parent / "data"
CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "wire"
HTTP = "https://wire.acme.example/feeds/main.xml"


def _feeds(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.suffix == ".py" or not path.is_file():
            continue
        data = path.read_bytes()
        try:
            if detect_format(data) in ("rss", "atom") and b"<!ENTITY" not in data:
                found.append(path)
        except ParseError:
            continue
    return found


GOLDEN = _feeds(DATA)
DEMO = [p for p in generate_wire(2000, seed=1) if p.format in ("rss", "atom")]


def test_the_samples_hold_feeds() -> None:
    assert {p.name for p in GOLDEN} >= {"acme-rss-basic.xml", "acme-atom-basic.xml", "acme-rss-nonwellformed.xml"}
    assert len(DEMO) > 20


@pytest.mark.parametrize("sample", GOLDEN, ids=lambda p: p.name)
@pytest.mark.parametrize("url", ["", HTTP])
def test_golden_feeds_read_as_feedparser_read_them(sample: Path, url: str) -> None:
    assert_as_feedparser_read_it(sample.read_bytes(), url)


@pytest.mark.parametrize("url", ["", HTTP])
def test_demo_feeds_read_as_feedparser_read_them(url: str) -> None:
    for payload in DEMO:
        assert_as_feedparser_read_it(payload.data, url or payload.name)


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/wire is not beside the checkout")
@pytest.mark.parametrize("url", ["", HTTP])
def test_corpus_feeds_read_as_feedparser_read_them(url: str) -> None:
    feeds = _feeds(CORPUS)
    assert feeds, "the corpus holds no RSS or Atom file"
    for path in feeds:
        assert_as_feedparser_read_it(path.read_bytes(), url)


# --- bodies: the markup a story was stored with before issue #12 -----------------------------

_TEXTS = ("plain", " ", "a & b", "&amp;", "&nbsp;", "&#150;", "&#8217;", "&#x2014;", "&#X41;", "&#39;", "1 < 2",
          "x > y", "&", "AT&T", "é", "\n", "&apos;", "<!-- c -->", "<!DOCTYPE x>", "<?pi?>", "<!x>")  # fmt: skip
_TAGS = ("p", "b", "a", "img", "br", "hr", "div", "P", "em", "td", "q", "o:p", "blockquote", "span", "A", "IMG")
_ATTRIBUTES = ("href", "src", "title", "alt", "rel", "type", "cite", "HREF", "width", "height", "lang", "class")
_VALUES = ("/rel", "http://abs.example/a", "x.png", "UP", "a&amp;b", "a&b", "it's", " sp ", "", "javascript:x()",
           "../up", "?q=1", "#frag", "//cdn.example/x", "a>b", 'q"q')  # fmt: skip


def _random_html(rng: random.Random, depth: int = 0) -> str:
    out = []
    for _ in range(rng.randint(0, 4)):
        if rng.random() < 0.4 or depth > 2:
            out.append(rng.choice(_TEXTS))
            continue
        tag, attributes = rng.choice(_TAGS), []
        for _ in range(rng.choice([0, 0, 1, 2, 3])):
            value = rng.choice(_VALUES)
            quote = rng.choice(['"', '"', "'", ""])
            if not quote and (not value or any(c in value for c in " '\"<>=`")):
                quote = '"'
            if quote and quote in value:
                quote = "'" if quote == '"' else '"'
            if quote not in value:
                space = rng.choice([" ", " ", "  ", "\n"])
                attributes.append(f"{space}{rng.choice(_ATTRIBUTES)}={quote}{value}{quote}")
        end = rng.choice([">", ">", " />", "/>"])
        out.append(f"<{tag}{''.join(attributes)}{end}")
        if end == ">":
            out.append(_random_html(rng, depth + 1) + (f"</{tag}>" if rng.random() < 0.9 else ""))
            if tag.lower() in ("br", "img") and rng.random() < 0.3:
                out.append(f"</{tag}>")
    return "".join(out).strip()


def _item(description: str, kind: str) -> bytes:
    if kind == "rss":
        return (f'<rss version="2.0"><channel><title>T</title><item><title>x</title><guid>g</guid>'
                f"<description><![CDATA[{description}]]></description></item></channel></rss>").encode()  # fmt: skip
    return (f'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>g</id><title>x</title>'
            f'<content type="html"><![CDATA[{description}]]></content></entry></feed>').encode()  # fmt: skip


def test_bodies_are_what_they_were() -> None:
    # the sanitized body of random markup, read from an address (relative links resolved) or not
    rng = random.Random(12)
    compared = 0
    for _ in range(600):
        body = _random_html(rng)
        if not body.strip() or "]]>" in body:
            continue
        data, url = _item(body, rng.choice(["rss", "atom"])), rng.choice(["", HTTP])
        ours, theirs = feed.parse(data, url=url).stories, parse_with_feedparser(data, url).stories
        assert [s.body_html for s in ours] == [s.body_html for s in theirs], body
        compared += 1
    assert compared > 400


@pytest.mark.parametrize(
    ("markup", "ours", "feedparsers"),
    [
        # HTML5 reads "<>" as text; feedparser's SGML parser took it for the last tag again
        ("<p>a <> b</p>", "<p>a &lt;&gt; b</p>", "<p>a </p><p> b</p>"),
        # an unknown reference is text as written; feedparser dropped its ";"
        ("<p>&bogus; here</p>", "<p>&amp;bogus; here</p>", "<p>&amp;bogus here</p>"),
    ],
)
def test_bodies_keep_text_feedparser_mangled(markup: str, ours: str, feedparsers: str) -> None:
    data = _item(markup, "rss")
    assert feed.parse(data, url="").stories[0].body_html == ours
    assert parse_with_feedparser(data, "").stories[0].body_html == feedparsers


# --- the rules ----------------------------------------------------------------------------------


def test_guids_stay_as_written_when_read_over_http() -> None:
    stories = feed.parse((DATA / "acme-rss-guid.xml").read_bytes(), url=HTTP).stories
    assert [(s.agency_id, s.link) for s in stories] == [
        ("acme-20240622-0001", ""),  # feedparser made it https://wire.acme.example/feeds/acme-20240622-0001
        ("/2024/06/22/relative", ""),
        ("https://wire.acme.example/2024/06/22/absolute", "https://wire.acme.example/2024/06/22/absolute"),
        ("acme-20240622-0004", "https://wire.acme.example/2024/06/22/linked"),
    ]
    resolved = parse_with_feedparser((DATA / "acme-rss-guid.xml").read_bytes(), HTTP).stories[0]
    assert resolved.agency_id == "https://wire.acme.example/feeds/acme-20240622-0001"


def test_atom_ids_stay_as_written_and_links_are_still_resolved() -> None:
    data = (
        b'<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://b.example/x/"><title>T</title>'
        b'<entry><id>tag-1</id><title>One</title><link href="/one"/><content type="html">x</content></entry>'
        b"<entry><id>2</id><title>Two</title><content>y</content></entry>"
        b"<entry><id>urn:x:3</id><id>http://e.example/3</id><title>Three</title></entry></feed>"
    )
    assert [(s.agency_id, s.link) for s in feed.parse(data, url=HTTP).stories] == [
        ("tag-1", "http://b.example/one"),  # a relative link is a link: resolved (against xml:base)
        ("2", ""),  # feedparser: "http://b.example/x/2", also as the link
        ("http://e.example/3", "http://e.example/3"),  # feedparser kept the first id, a URN, as the link
    ]


def test_media_rss_titles_and_descriptions_are_not_the_story() -> None:
    data = (DATA / "acme-rss-media.xml").read_bytes()
    assert feedparser.parse(io.BytesIO(data))["entries"][0]["content"][0]["value"] == "image"  # the bug, in feedparser
    broken = data.replace(b"<title>Acme Newswire</title>", b"<title>A & B</title>")  # also when not well-formed
    for document in (data, broken):
        stories = feed.parse(document, url=HTTP).stories
        assert stories[0].body_html == "<p>Ines Moura kept the Cape Alva light burning through 14,600 nights.</p>"
        assert stories[0].headline == "Lighthouse keeper retires after 40 years"
        assert stories[1].abstract == "Ministers meet again on Thursday."
        assert stories[2].body_html == ""


def test_dates_feedparser_would_guess_are_left_out_with_a_note() -> None:
    item = b"<item><title>T</title><description>x</description><pubDate>%s</pubDate></item>"
    for written in (b"02-03-2014 00:56:28", b"031231", b"2003-12"):
        data = b'<rss version="2.0"><channel>' + item % written + b"</channel></rss>"
        story = feed.parse(data, url="").stories[0]
        assert story.first_created is None and story.version_created is None
        assert story.notes == (f"published date unreadable: {written.decode()!r}; receipt time used",)
        assert parse_with_feedparser(data, "").stories[0].notes == story.notes  # the rule was Wiredesk's already


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2004년 05월 25일 23:23:17", "2004-05-25T14:23:17+00:00"),  # OnBlog, Korea Standard Time
        ("2004-05-25 오후 11:23:17", "2004-05-25T14:23:17+00:00"),  # Nate, p.m.
        ("2004-05-25 오전 12:05:00", "2004-05-24T15:05:00+00:00"),  # a.m.: 12 is midnight
        ("Κυρ, 11 Ιούλ 2004 12:00:00 EST", "2004-07-11T17:00:00+00:00"),
        ("2004-július-13T9:15-05:00", "2004-07-13T14:15:00+00:00"),
        ("Fri, 2006/09/15 08:19:53 EDT", "2006-09-15T12:19:53+00:00"),
    ],
)
def test_dates_of_fixed_formats_feedparser_read_are_still_read(written: str, iso: str) -> None:
    data = f'<rss version="2.0"><channel><item><title>T</title><pubDate>{written}</pubDate></item></channel></rss>'
    story = feed.parse(data.encode(), url="").stories[0]
    assert story.first_created is not None and story.first_created.isoformat() == iso and not story.notes


def test_fixed_date_formats_guess_nothing() -> None:
    for written in ("02-03-2014 00:56:28", "Κυρ, 11 Ιούλ 2004 12:00:00 IST", "2004-Juli-13T9:15-05:00", ""):
        assert _feed_dates.read_fixed_format(written) is None
