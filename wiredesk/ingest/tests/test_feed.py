"""What the feed reader reads: RSS 2.0/0.9x, RSS 1.0 (RDF), Atom 1.0 and 0.3, with lxml alone.

The golden samples (``test_golden.py``) hold the usual feeds; these are the shapes around
them: CDATA, authors, XHTML, base64, ``xml:base``, DOCTYPEs with HTML's entities,
encodings, the older formats, odd but valid arrangements. Feeds that are not well-formed
are in ``test_feed_recover.py``, the rules that depart from feedparser in
``test_feed_rules.py``. Pure: no database.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from wiredesk.ingest.detect import parse_payload
from wiredesk.ingest.exceptions import NotATextStory
from wiredesk.ingest.formats import feed
from wiredesk.ingest.types import StoryData, Subject

HTTP = "https://wire.acme.example/feeds/main.xml"
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


def _stories(data: bytes, url: str = "") -> tuple[StoryData, ...]:
    return feed.parse(data, url=url).stories


def _rss(items: bytes) -> bytes:
    return RSS_HEAD + items + b"</channel></rss>"


def test_rss_cdata_authors_links_and_dates() -> None:
    stories = _stories(
        _rss(
            b"""<item><title>CDATA body</title><guid>rel/guid-1</guid>
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
    <item><title>Only an e-mail</title><author>only@wire.example</author><description>x</description></item>"""
        ),
        HTTP,
    )
    assert [s.byline for s in stories] == ["Tom Lind", "Mira Okonkwo", "", ""]
    first = stories[0]
    assert (first.agency_id, first.link) == ("rel/guid-1", "")  # a guid stays as written, and is no link
    assert first.abstract == "Short & sweet" and first.language == "en-GB" and first.copyright == "© Edge"
    assert 'href="https://wire.acme.example/relative/link"' in first.body_html  # resolved against the feed's URL
    assert 'src="https://wire.acme.example/feeds/pic.jpg"' in first.body_html and "bad()" not in first.body_html
    assert first.subjects == (Subject("Transport", "Transport"), Subject("Labour", "Labour"))
    assert first.first_created == datetime(2024, 6, 3, 7, 15, tzinfo=UTC)
    assert stories[1].agency_id == stories[1].link == "https://n.example/a?x=1&y=2"
    assert stories[1].version_created == datetime(2024, 6, 5, tzinfo=UTC) and stories[1].first_created is None
    assert stories[2].agency_id.startswith("urn:sha1:") and stories[2].first_created is None
    assert stories[2].headline == "No title, no guid, no link: the headline is the first words …"


def test_rss_titles_extensions_and_characters() -> None:
    stories = _stories(
        _rss(
            b"""<image><url>http://e.example/logo.png</url><title>Logo</title><link>http://e.example/</link></image>
    <item><title>&lt;b&gt;Bold&lt;/b&gt; &amp;amp; title</title><link>/rel/item</link>
    <description>A &lt; B &#8212; caf\xc3\xa9 \xc2\x93quoted\xc2\x94</description>
    <enclosure url="http://e.example/a.mp3" length="1" type="audio/mpeg"/>
    <media:content url="http://e.example/a.jpg" medium="image"><media:credit>Photo</media:credit></media:content>
    <x:meta><x:title>not the title</x:title></x:meta><x:title>nor this</x:title><comments>http://e.example/c</comments>
    <source url="http://s.example/">Other wire</source><guid isPermaLink="false">edge-2</guid></item>
    <item xml:lang="fr"><title>   Espaces   </title><guid>https://e.example/g/3</guid>
    <description>Deux</description></item>"""
        ),
        HTTP,
    )
    # an RSS title holding only HTML is HTML; C1 controls are the Windows-1252 quotes they were
    assert stories[0].headline == "Bold & title"
    assert stories[0].body_html == "A &lt; B — café “quoted”"
    assert stories[0].link == "https://wire.acme.example/rel/item" and stories[0].agency_id == "edge-2"
    assert (stories[1].headline, stories[1].language, stories[1].link) == ("Espaces", "fr", "https://e.example/g/3")
    assert stories[0].provider == "Edge Wire"  # the image's title is not the feed's


def test_atom_xhtml_text_and_labels() -> None:
    stories = _stories(
        ATOM_HEAD
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
        HTTP,
    )
    first = stories[0]
    assert first.body_html == (
        '<p>Rovers beat <b>City</b> 2-1\n    &amp; go through.</p><br><p><a href="https://wire.acme.example/report" '
        'rel="noopener noreferrer nofollow">Report</a> <img alt="A" src="https://wire.acme.example/feeds/a.png"></p>'
    )  # the wrapping div is not content (RFC 4287 §3.1.1.3); attributes in one canonical order
    assert first.abstract == "A <header> in stoppage time."  # type="text" stays text
    assert first.link == "https://wire.acme.example/rovers" and first.headline == "Late goal sends Rovers through"
    assert [(s.code, s.name) for s in first.subjects] == [
        ("football", "Football"), ("cup", "cup"), ("Only a label", "Only a label"),
    ]  # fmt: skip
    assert first.byline == "Priya Raman, Leo Brandt" and stories[1].byline == "Edge Desk"  # Atom §4.2.1
    assert stories[1].language == "fr-FR" and stories[1].body_html.count("<p>") == 2
    assert stories[1].link == ""  # no link, and its id is no URL
    assert stories[2].headline == "An XHTML title" and stories[2].copyright == "Entry rights"
    assert stories[2].link == "http://e.example/e/3"  # an id that is a URL stands in for the missing link


def test_rss_1_0_and_0_90() -> None:
    rdf = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"
        xmlns:content="http://purl.org/rss/1.0/modules/content/">
      <channel rdf:about="http://e.example/"><title>RDF Wire</title><dc:language>de</dc:language>
        <items><rdf:Seq><rdf:li rdf:resource="http://e.example/1"/></rdf:Seq></items></channel>
      <item rdf:about="http://e.example/1"><title>Eins</title><link>http://e.example/1</link>
        <description>Kurz.</description><content:encoded><![CDATA[<p>Lang.</p>]]></content:encoded>
        <dc:creator>Jana Roth</dc:creator><dc:date>2024-06-05T10:00:00+02:00</dc:date><dc:subject>Politik</dc:subject>
        <dc:rights>dpa</dc:rights></item></rdf:RDF>"""
    result = parse_payload(rdf, url="")
    story = result.stories[0]
    assert result.format == "rss" and story.agency_id == story.link == "http://e.example/1"
    assert (story.headline, story.abstract, story.body_html) == ("Eins", "Kurz.", "<p>Lang.</p>")
    assert (story.byline, story.language, story.copyright, story.provider) == ("Jana Roth", "de", "dpa", "RDF Wire")
    assert story.version_created == datetime(2024, 6, 5, 8, tzinfo=UTC)
    assert story.subjects == (Subject("Politik", "Politik"),)
    netscape = (
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">'
        b"<channel><title>Old</title></channel><item><title>Null neun null</title><link>http://e.example/090</link>"
        b"</item></rdf:RDF>"
    )
    assert [(s.headline, s.agency_id) for s in _stories(netscape)] == [("Null neun null", "http://e.example/090")]


def test_atom_0_3() -> None:
    data = b"""<feed version="0.3" xmlns="http://purl.org/atom/ns#">
      <title mode="escaped" type="text/html">Zero &amp;amp; three</title>
      <entry><id>tag:e.example,2004:1</id><title>Escaped</title><issued>2004-01-02T03:04:05Z</issued>
        <modified>2004-01-03T03:04:05Z</modified><author><name>Old Timer</name></author>
        <link rel="alternate" type="text/html" href="http://e.example/1"/>
        <content type="text/html" mode="escaped">&lt;p&gt;One&lt;/p&gt;</content></entry>
      <entry><id>2</id><title>Inline</title><content type="application/xhtml+xml" mode="xml">
        <div xmlns="http://www.w3.org/1999/xhtml"><p>Two</p></div></content></entry>
      <entry><id>3</id><title>Base64</title>
        <content type="text/html" mode="base64">PHA+VGhyZWU8L3A+</content></entry></feed>"""
    stories = _stories(data)
    assert [s.body_html for s in stories] == ["<p>One</p>", "<p>Two</p>", "<p>Three</p>"]
    assert stories[0].first_created == datetime(2004, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert stories[0].version_created == datetime(2004, 1, 3, 3, 4, 5, tzinfo=UTC)
    assert (stories[0].byline, stories[0].link) == ("Old Timer", "http://e.example/1")
    assert stories[0].provider == "Zero & three"
    assert {s.format for s in stories} == {"atom"}


def test_xml_base_is_the_base_of_links_and_markup() -> None:
    data = ATOM_HEAD.replace(b'xml:lang="en"', b'xml:lang="en" xml:base="http://base.example/feeds/"') + (
        b'<entry xml:base="entries/"><id>1</id><title>Based</title><link href="one.html"/>'
        b'<content type="html" xml:base="/art/">&lt;a href="x.html"&gt;x&lt;/a&gt;</content></entry>'
        b'<entry xml:base="javascript:alert(1)"><id>2</id><title>Unsafe base</title><link href="two.html"/></entry>'
        b"</feed>"
    )
    for url in ("", HTTP):  # xml:base wins over the address the feed came from (XML Base §4.2)
        stories = _stories(data, url)
        assert stories[0].link == "http://base.example/feeds/entries/one.html"
        assert 'href="http://base.example/art/x.html"' in stories[0].body_html
        assert stories[1].link == "http://base.example/feeds/two.html"  # a javascript: base is ignored


def test_a_doctype_and_htmls_entities() -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel>'
        b"<title>T&eacute;l&eacute;</title>"
        b"<item><title>Caf&eacute;&nbsp;&amp; bar&hellip; &bogus;</title><link>http://e.example/1</link>"
        b"<description>&copy; 2024 &lt;b&gt;Acme&lt;/b&gt;</description></item></channel></rss>"
    )
    story = _stories(data)[0]
    assert story.headline == "Café & bar… &bogus;" and story.provider == "Télé"
    assert story.body_html == "© 2024 <b>Acme</b>"


@pytest.mark.parametrize(
    ("codec", "declared", "text"),
    [
        ("iso-8859-1", "ISO-8859-1", "Café"),
        ("cp1252", "windows-1252", "Café €"),
        ("cp1252", "windows_1252", "Café €"),  # a name only Python knows: read all the same
        ("cp850", "cp850", "Café Ç"),
        ("koi8-r", "koi8-r", "Новости"),
        ("utf-16", "utf-16", "Café ✓"),  # with a byte-order mark
        ("utf-8", "iso-8859-1", "Café"),  # declared Latin-1, but the bytes are UTF-8
    ],
)
def test_encodings(codec: str, declared: str, text: str) -> None:
    document = (
        f'<?xml version="1.0" encoding="{declared}"?><rss version="2.0"><channel><title>T</title>'
        f"<item><title>{text}</title><guid>g</guid></item></channel></rss>"
    )
    assert _stories(document.encode(codec))[0].headline == text


def test_undeclared_utf8_fetched_over_http_is_utf8() -> None:
    # XML 1.0 §4.3.3: no declaration and no byte-order mark is UTF-8, wherever it came from
    data = "<rss version='2.0'><channel><item><title>Café</title><guid>g</guid></item></channel></rss>".encode()
    assert _stories(data, HTTP)[0].headline == "Café"


def test_summaries_and_contents() -> None:
    stories = _stories(
        _rss(
            b"<item><title>Two descriptions</title><description>Short.</description>"
            b"<description>The long one.</description></item>"
            b"<item><title>Content first</title><content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded>"
            b"<description>Abstract.</description></item>"
            b"<item><title>Same text</title><description>Same.</description>"
            b"<content:encoded>Same.</content:encoded></item>"
            b'<item xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><title>Podcast</title>'
            b"<itunes:summary>Said by iTunes.</itunes:summary><itunes:author>Host Name</itunes:author></item>"
        )
    )
    assert [(s.abstract, s.body_html, s.byline) for s in stories] == [
        ("Short.", "<p>The long one.</p>", ""),  # a second description before any content is the content
        ("Abstract.", "<p>Body</p>", ""),
        ("", "<p>Same.</p>", ""),  # a summary that is the content is no abstract
        ("", "<p>Said by iTunes.</p>", "Host Name"),
    ]


def test_atom_content_of_other_types() -> None:
    stories = _stories(
        ATOM_HEAD
        + b'<entry><id>1</id><title>Picture</title><content type="image/png">iVBORw0KGgo=</content></entry>'
        + b'<entry><id>2</id><title>Elsewhere</title><content type="text/html" src="http://e.example/2.html"/></entry>'
        + b'<entry><id>3</id><summary type="application/octet-stream">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</summary></entry>'
        + b'<entry><id>4</id><content type="html"><div xmlns="http://www.w3.org/1999/xhtml">'
        + b"A &lt;b&gt;typepad&lt;/b&gt; div</div></content></entry>"
        + b"</feed>"
    )
    assert [(s.headline, s.body_html) for s in stories] == [
        ("Picture", ""),  # an image is not the story's text
        ("Elsewhere", ""),  # out-of-line content (RFC 4287 §4.1.3.2)
        ("Example Atom", "Example <b>Atom</b>"),  # base64 of another media type (§4.1.3.3)
        ("A typepad div", "A <b>typepad</b> div"),  # escaped HTML in a div is HTML, not XHTML
    ]


def test_several_authors_and_categories() -> None:
    story = _stories(
        _rss(
            b"<item><title>T</title><description>x</description><author>a@e.com (Ana Ruiz)</author>"
            b"<dc:creator>Ben Ode</dc:creator><dc:creator>Ben Ode</dc:creator><dc:creator>c@e.com</dc:creator>"
            b"<dc:subject>Economy</dc:subject><category>Economy</category><category/></item>"
        )
    )[0]
    assert story.byline == "Ana Ruiz, Ben Ode" and story.subjects == (Subject("Economy", "Economy"),)


def test_subjects_from_itunes_and_media_rss() -> None:
    # as feedparser gave them: iTunes categories (nested too) and keywords, Media RSS
    # categories and keywords in the item or in its media:group / media:content
    story = _stories(
        b'<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" '
        b'xmlns:media="http://search.yahoo.com/mrss/"><channel><title>P</title><item><title>T</title>'
        b'<itunes:category text="News"><itunes:category text="Politics"/></itunes:category>'
        b"<itunes:keywords>vote, budget</itunes:keywords>"
        b'<media:category label="Sport">sport/soccer</media:category>'
        b'<media:group><media:content url="http://e.example/a.jpg"><media:title>Caption</media:title>'
        b"<media:category>inner</media:category><media:keywords>k1, k2</media:keywords></media:content></media:group>"
        b"</item></channel></rss>"
    )[0]
    assert [(s.code, s.name) for s in story.subjects] == [
        ("News", "News"), ("Politics", "Politics"), ("vote", "vote"), ("budget", "budget"),
        ("sport/soccer", "Sport"), ("inner", "inner"), ("k1", "k1"), ("k2", "k2"),
    ]  # fmt: skip
    assert story.headline == "T" and story.body_html == ""  # the caption is no text


def test_namespaces() -> None:
    # the feed's own namespace under another prefix, a misspelt default namespace, foreign elements
    prefixed = (
        b'<a:feed xmlns:a="http://www.w3.org/2005/Atom" xmlns:b="http://www.w3.org/2005/atom-typo">'
        b"<a:title>Prefixed</a:title><a:entry><a:id>1</a:id><b:title>Foreign</b:title><a:title>Own</a:title>"
        b"</a:entry></a:feed>"
    )
    assert [(s.headline, s.provider) for s in _stories(prefixed)] == [("Own", "Prefixed")]
    # the same namespace as the default one of another feed: that one's own (whatever came before)
    misspelt = b'<feed xmlns="http://www.w3.org/2005/atom-typo"><entry><id>1</id><title>Still read</title></entry>'
    misspelt += b"</feed>"
    assert [s.headline for s in _stories(misspelt)] == ["Still read"]
    upper = b"<rss version='2.0'><channel><Item><Title>Case</Title><PubDate>Mon, 03 Jun 2024 09:15:00 GMT</PubDate>"
    upper += b"</Item></channel></rss>"
    case = _stories(upper)[0]
    assert (case.headline, case.first_created) == ("Case", datetime(2024, 6, 3, 9, 15, tzinfo=UTC))


def test_a_feed_without_items_is_not_a_story() -> None:
    with pytest.raises(NotATextStory):
        parse_payload(b"<rss version='2.0'><channel><title>Quiet</title></channel></rss>", url="")
