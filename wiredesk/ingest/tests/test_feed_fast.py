"""The lxml fast path of ``feed.parse`` gives exactly what the feedparser path gives.

Differential: every feed among the golden samples, the RSS/Atom files of the agency corpus
(``../shared/corpus/wire``, skipped when absent; feeds are told by their bytes), the feeds
of the demo wire, and small samples written here for the edge cases, are parsed by both
paths and must give equal ``ParseResult``s. The fast path must really be taken for the
demo feeds, the well-formed golden samples and the samples here, and must hand over to
feedparser for the shapes it leaves alone. Pure: no database.
"""

from __future__ import annotations

import random
import runpy
from collections.abc import Callable
from pathlib import Path

import pytest
from feedparser.html import _cp1252
from feedparser.urls import resolve_relative_uris

from wiredesk.demo.wire import DemoPayload, generate_wire
from wiredesk.ingest import xmlsafe
from wiredesk.ingest.detect import detect_format
from wiredesk.ingest.exceptions import ParseError
from wiredesk.ingest.formats import _feed_text, feed
from wiredesk.ingest.types import ParseResult

DATA = Path(__file__).parent / "data"
CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "wire"
HTTP = "https://wire.acme.example/feeds/main.xml"


def _feeds(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.suffix == ".py" or not path.is_file():
            continue
        try:
            if detect_format(path.read_bytes()) in ("rss", "atom"):
                found.append(path)
        except ParseError:
            continue
    return found


def _outcome(parse: Callable[[bytes, str], ParseResult | None], data: bytes, url: str) -> object:
    try:
        return parse(data, url)
    except ParseError as exc:
        return (type(exc), str(exc))


def _same(data: bytes, url: str) -> ParseResult | None:
    """Parse ``data`` both ways; assert equal results; return the fast one (``None``: handed over)."""
    fast = _outcome(feed._parse_fast, data, url)
    if fast is not None:
        assert fast == _outcome(feed._parse_feedparser, data, url)
    return fast if isinstance(fast, ParseResult) else None


GOLDEN = _feeds(DATA)
DEMO = [p for p in generate_wire(2000, seed=1) if p.format in ("rss", "atom")]


def test_the_samples_hold_feeds() -> None:
    assert {p.name for p in GOLDEN} >= {"acme-rss-basic.xml", "acme-atom-basic.xml", "acme-rss-nonwellformed.xml"}
    assert len(DEMO) > 20


@pytest.mark.parametrize("sample", GOLDEN, ids=lambda p: p.name)
@pytest.mark.parametrize("url", ["sample", HTTP])
def test_golden_feeds(sample: Path, url: str) -> None:
    data = sample.read_bytes()
    fast = _same(data, str(sample) if url == "sample" else url)
    try:
        xmlsafe.parse_xml(data)
    except ParseError:
        return  # not well-formed, or refused as unsafe: see the tests below
    assert fast is not None, "a well-formed golden feed must take the fast path"


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/wire is not beside the checkout")
@pytest.mark.parametrize("url", ["", HTTP])
def test_corpus_feeds(url: str) -> None:
    feeds = _feeds(CORPUS)
    assert feeds, "the corpus holds no RSS or Atom file"
    for path in feeds:
        _same(path.read_bytes(), url)


@pytest.mark.parametrize("payload", DEMO, ids=lambda p: p.name)
def test_demo_feeds_take_the_fast_path(payload: DemoPayload) -> None:
    for url in ("", HTTP):
        result = _same(payload.data, url)
        assert result is not None and result.stories


def test_not_well_formed_hands_over_and_reads_as_before() -> None:
    sample = DATA / "acme-rss-nonwellformed.xml"
    data = sample.read_bytes()
    assert feed._parse_fast(data, str(sample)) is None
    expected = runpy.run_path(str(sample) + ".py")["expected"]
    assert feed.parse(data, url=str(sample)) == expected


def test_unsafe_xml_is_refused_by_both_paths() -> None:
    data = (DATA / "acme-rss-xxe.xml").read_bytes()
    for parse in (feed._parse_fast, feed._parse_feedparser, lambda d, u: feed.parse(d, url=u)):
        with pytest.raises(ParseError, match="entities"):
            parse(data, "")


# --- edge cases ------------------------------------------------------------------------

RSS_HEAD = (
    b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
    b'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    b'xmlns:media="http://search.yahoo.com/mrss/" xmlns:x="urn:example:x"><channel><title>Edge Wire</title>'
    b"<language>en_GB</language><copyright>&#169; Edge</copyright>"
)
ATOM_HEAD = (
    b'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">'
    b"<title>Edge Atom</title><id>urn:edge</id><author><name>Edge Desk</name></author>"
)

EDGES = {
    "rss-cdata-and-authors": RSS_HEAD
    + b"""<item><title>CDATA body</title><guid>rel/guid-1</guid>
    <description><![CDATA[<p>Short &amp; <b>sweet</b></p>]]></description>
    <content:encoded><![CDATA[<p>Body with a <a href="/relative/link">relative link</a>,
    an <img src="pic.jpg" alt="pic"> and <a title="t" href="http://abs.example/x?a=1&amp;b=2">query</a>.</p>
    <script>bad()</script>]]></content:encoded>
    <author>desk@wire.example (Tom Lind)</author>
    <category domain="http://topics.example/">Transport</category><category>Labour</category>
    <pubDate>Mon, 03 Jun 2024 09:15:00 +0200</pubDate></item>
    <item><title>No guid, a link</title><link>https://n.example/a?x=1&amp;y=2</link>
    <dc:creator>Mira Okonkwo</dc:creator><description>Text only, no tags.</description>
    <dc:date>June 5 2024</dc:date></item>
    <item><description>No title, no guid, no link: the headline is the first words of this text.</description>
    <pubDate>0000-00-00</pubDate></item>
    <item><title>Only an e-mail</title><author>only@wire.example</author><description>x</description></item>
    </channel></rss>""",
    "rss-titles-and-extensions": RSS_HEAD
    + b"""<image><url>http://e.example/logo.png</url><title>Logo</title><link>http://e.example/</link></image>
    <item><title>&lt;b&gt;Bold&lt;/b&gt; &amp;amp; title</title><link>/rel/item</link>
    <description>A &lt; B &#8212; caf\xc3\xa9 \xc2\x93quoted\xc2\x94</description>
    <enclosure url="http://e.example/a.mp3" length="1" type="audio/mpeg"/>
    <media:content url="http://e.example/a.jpg" medium="image"><media:credit>Photo</media:credit></media:content>
    <x:meta><x:title>not the title</x:title></x:meta><comments>http://e.example/c</comments>
    <source url="http://s.example/">Other wire</source><guid isPermaLink="false">edge-2</guid></item>
    <item xml:lang="fr"><title>   Espaces   </title><guid>https://e.example/g/3</guid>
    <description>Deux</description></item></channel></rss>""",
    "atom-xhtml-text-and-labels": ATOM_HEAD
    + b"""<entry><id>urn:edge:1</id><title type="html">Late goal sends &lt;em&gt;Rovers&lt;/em&gt; through</title>
    <link rel="alternate" type="text/html" href="/rovers"/><link rel="enclosure" href="http://e/x.mp3"/>
    <published>2024-06-05T17:20:00+01:00</published><updated>2024-06-05T17:45:00+01:00</updated>
    <author><name>Priya Raman</name><email>priya@e.example</email></author><author><name>Leo Brandt</name></author>
    <category term="football" label="Football"/><category term="cup"/><category label="Only a label"/>
    <summary type="text">A &lt;header&gt; in stoppage time.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p class="lead">Rovers beat <b>City</b> 2-1
    &amp; go through.</p><br/><p><a href="/report">Report</a> <img src="a.png" alt="A"/></p></div></content></entry>
    <entry xml:lang="fr_FR"><title>Cyclisme : \xc3\xa9tape annul\xc3\xa9e</title><updated>2024-06-05T16:00:00Z</updated>
    <content type="text">Les organisateurs ont annul\xc3\xa9 l'\xc3\xa9tape.

    Reprise mercredi, 1 &lt; 2.</content></entry>
    <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <em>XHTML</em> title</div></title>
    <id>http://e.example/e/3</id><summary type="html">&lt;p&gt;Summary only&lt;/p&gt;</summary>
    <rights type="text">Entry rights</rights></entry></feed>""",
}


@pytest.mark.parametrize("name", sorted(EDGES))
@pytest.mark.parametrize("url", ["", HTTP])
def test_edge_cases_take_the_fast_path(name: str, url: str) -> None:
    result = _same(EDGES[name], url)
    assert result is not None and result.stories


def test_edge_cases_read_as_intended() -> None:
    rss = feed.parse(EDGES["rss-cdata-and-authors"], url=HTTP).stories
    assert [s.byline for s in rss] == ["Tom Lind", "Mira Okonkwo", "", ""]
    assert rss[0].agency_id == "rel/guid-1" and rss[0].link == ""  # a guid stays as written, and is no link
    assert 'href="https://wire.acme.example/relative/link"' in rss[0].body_html
    assert "bad()" not in rss[0].body_html
    assert rss[1].agency_id == "https://n.example/a?x=1&y=2" and rss[1].version_created is not None
    assert rss[2].agency_id.startswith("urn:sha1:") and rss[2].first_created is None
    atom = feed.parse(EDGES["atom-xhtml-text-and-labels"]).stories
    assert atom[0].body_html.startswith('<p>Rovers beat <b>City</b> 2-1\n    &amp; go through.</p><br>')
    assert [(s.code, s.name) for s in atom[0].subjects] == [
        ("football", "Football"), ("cup", "cup"), ("Only a label", "Only a label"),
    ]  # fmt: skip
    assert atom[0].byline == "Priya Raman, Leo Brandt" and atom[1].byline == "Edge Desk"
    assert atom[1].language == "fr-FR" and atom[1].body_html.count("<p>") == 2
    assert atom[2].headline == "An XHTML title" and atom[2].copyright == "Entry rights"


HANDED_OVER = {
    "rss-1.0": b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    b'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="http://e/"><title>T</title></channel>'
    b'<item rdf:about="http://e/1"><title>One</title></item></rdf:RDF>',
    "xml-base": ATOM_HEAD + b'<entry xml:base="http://b.example/x/"><id>1</id><title>T</title>'
    b'<content type="html">&lt;a href="y"&gt;y&lt;/a&gt;</content></entry></feed>',
    "atom-0.3": b'<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>T</title>'
    b"<entry><id>1</id><title>One</title></entry></feed>",
    "latin-1": b'<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>T</title>'
    b"<item><title>Caf\xe9</title></item></channel></rss>",
    "doctype": b'<?xml version="1.0"?><!DOCTYPE rss><rss version="2.0"><channel><item><title>T</title>'
    b"</item></channel></rss>",
    "second-description": RSS_HEAD + b"<item><title>T</title><description>one</description>"
    b"<description>two</description></item></channel></rss>",
    "itunes": b'<rss version="2.0" xmlns:itunes="http://www.itunes.com/DTDs/PodCast-1.0.dtd"><channel>'
    b"<item><title>T</title><itunes:summary>S</itunes:summary></item></channel></rss>",
    "two-text-authors": RSS_HEAD + b"<item><title>T</title><author>a@e.example (A)</author>"
    b"<dc:creator>B</dc:creator></item></channel></rss>",
}


@pytest.mark.parametrize("name", sorted(HANDED_OVER))
def test_unsure_shapes_are_left_to_feedparser(name: str) -> None:
    data = HANDED_OVER[name]
    assert feed._parse_fast(data, "") is None
    assert _outcome(lambda d, u: feed.parse(d, url=u), data, "") == _outcome(feed._parse_feedparser, data, "")


def test_undeclared_encoding_over_http_is_left_to_feedparser() -> None:
    # feedparser reads a fetched document without declaration as Latin-1 (RFC 3023).
    data = b'<rss version="2.0"><channel><item><title>Caf\xc3\xa9</title></item></channel></rss>'
    assert feed._parse_fast(data, HTTP) is None
    assert feed._parse_fast(data, "") is not None
    assert feed.parse(data, url=HTTP) == feed._parse_feedparser(data, HTTP)


# --- the string steps -----------------------------------------------------------------


def test_c1_letters_are_feedparsers() -> None:
    assert _feed_text._CP1252 == _cp1252


def _random_html(rng: random.Random, depth: int = 0) -> str:
    texts = ["plain", " ", "a & b", "&amp;", "&nbsp;", "&foo;", "&#150;", "&#8217;", "&#x2014;", "&#X41;", "&#39;",
             "1 < 2", "x > y", "&", "AT&T", "é", "\n", "&apos;", "<!-- c -->", "<!DOCTYPE x>", "<?pi?>",
             "<>"]  # fmt: skip
    tags = ["p", "b", "a", "img", "br", "hr", "div", "P", "em", "td", "q", "o:p"]
    attrs = ["href", "src", "title", "alt", "rel", "type", "cite", "HREF"]
    values = ["/rel", "http://abs.example/a", "x.png", "UP", "a&amp;b", "a&b", "it's", " sp ", "", "javascript:x()"]
    out = []
    for _ in range(rng.randint(0, 4)):
        if rng.random() < 0.4 or depth > 2:
            out.append(rng.choice(texts))
            continue
        tag = rng.choice(tags)
        quote = rng.choice(['"', '"', "'"])
        attributes = "".join(
            f"{rng.choice([' ', ' ', '  '])}{rng.choice(attrs)}={quote}{rng.choice(values)}{quote}"
            for _ in range(rng.choice([0, 0, 1, 2]))
        )
        end = rng.choice([">", ">", " />", "/>"])
        out.append(f"<{tag}{attributes}{end}")
        if end == ">":
            out.append(_random_html(rng, depth + 1) + (f"</{tag}>" if rng.random() < 0.9 else ""))
    return "".join(out).strip()


def test_html_pass_matches_feedparsers_resolver() -> None:
    rng = random.Random(7)
    unchanged = 0
    for _ in range(3000):
        value = _random_html(rng)
        base = rng.choice(["", HTTP])
        content_type = rng.choice(["text/html", "application/xhtml+xml"])
        expected = resolve_relative_uris(value, base, "utf-8", content_type)
        assert _feed_text.html_pass(value, content_type, base) == expected, value
        unchanged += _feed_text._unchanged_by_resolver(value, base)
    assert unchanged > 300  # the shortcut is really exercised
