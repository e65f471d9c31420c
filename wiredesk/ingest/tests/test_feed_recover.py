"""Feeds that are not well-formed XML: the usual mistakes repaired, the rest recovered or refused.

The golden sample ``acme-rss-nonwellformed.xml`` holds the commonest case (a bare "&");
these are the others ``_feed_recover`` repairs, what libxml2's recovery keeps, and what
is refused. feedparser's own ill-formed corpus is read without a crash in
``test_feedparser_corpus.py``. Pure: no database.
"""

from __future__ import annotations

import pytest

from wiredesk.ingest.detect import parse_payload
from wiredesk.ingest.exceptions import NotATextStory, ParseError, UnsafeXML
from wiredesk.ingest.formats import feed
from wiredesk.ingest.types import StoryData

HTTP = "https://wire.acme.example/feeds/main.xml"


def _rss(items: bytes, head: bytes = b"") -> bytes:
    return head + b'<rss version="2.0"><channel><title>Broken Wire</title>' + items + b"</channel></rss>"


def _stories(data: bytes) -> tuple[StoryData, ...]:
    return feed.parse(data, url=HTTP).stories


def test_entities_ampersands_and_less_than_signs() -> None:
    story = _stories(
        _rss(
            b"<item><guid>1</guid><title>Caf&eacute; &amp; Bar & Grill&nbsp;&mdash; x < y &#X41; &unknown;</title>"
            b"<description>Un &rsquo;deux&rsquo; AT&T</description></item>"
        )  # fmt: skip
    )[0]
    assert story.headline == "Café & Bar & Grill — x < y A &unknown;"
    assert story.body_html == "<p>Un ’deux’ AT&amp;T</p>"


def test_control_characters_and_a_late_declaration() -> None:
    data = b"<!-- made by hand -->\n" + _rss(
        b"<item><guid>1</guid><title>Bell\x07 and form\x0cfeed</title></item>",
        head=b'<?xml version="1.0" encoding="iso-8859-1"?>',
    ).replace(b"Broken Wire", b"Br\xf6ken Wire")
    story = _stories(data)[0]
    assert (story.headline, story.provider) == ("Bell and formfeed", "Bröken Wire")  # XML 1.0 §2.2


def test_undeclared_prefixes_keep_their_meaning() -> None:
    # media: and dc: without xmlns: Media RSS titles and descriptions are still dropped
    story = _stories(
        _rss(
            b"<item><guid>1</guid><title>Harbour reopens</title><description>Ships are back.</description>"
            b"<media:title>Caption title</media:title><media:description>A ship</media:description>"
            b"<dc:creator>Lena Berg</dc:creator><foo:bar>unknown</foo:bar></item>"
        )  # fmt: skip
    )[0]
    assert (story.headline, story.body_html, story.byline) == ("Harbour reopens", "<p>Ships are back.</p>", "Lena Berg")


def test_html_the_feed_forgot_to_escape() -> None:
    stories = _stories(
        _rss(
            b"<item><guid>1</guid><title>Unescaped</title><description><p>Hello<br>world<p>Two &amp; &nbsp;three"
            b"</description><link>http://e.example/1</link></item>"
            b"<item><guid>2</guid><title>Next</title></item>"
        )  # fmt: skip
    )
    assert [(s.headline, s.body_html, s.link) for s in stories] == [
        ("Unescaped", "<p>Hello<br>world</p><p>Two &amp; &nbsp;three</p>", "http://e.example/1"),
        ("Next", "", ""),
    ]


def test_a_feed_cut_off_keeps_its_whole_entries() -> None:
    data = _rss(b"<item><guid>1</guid><title>One</title></item><item><guid>2</guid><title>Two</title></item>")
    cut = data[: data.index(b"</item>") + len(b"</item><item><guid>2</guid><title>Tw")]
    assert [s.headline for s in _stories(cut)] == ["One"]  # the cut entry's end is missing: left out
    assert [s.headline for s in _stories(data[: data.index(b"</channel>")])] == ["One", "Two"]


def test_what_cannot_be_read_is_refused_with_the_reason() -> None:
    with pytest.raises(ParseError, match="not well-formed XML and no item could be read from it: The XML is not"):
        feed.parse(b'<rss version="2.0"><channel><title>x</title></rss', url="")
    with pytest.raises(ParseError, match="no item could be read"):
        feed.parse(b"<rss version='2.0'><channel><title>Only & a title</title></channel></rss>", url="")


def test_entity_declarations_are_refused_even_in_broken_xml() -> None:
    data = b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "y">]><rss><channel><item><title>&x; & </title>'
    with pytest.raises(UnsafeXML):
        feed.parse(data, url="")


def test_an_encoding_only_python_knows_needs_no_repair() -> None:
    # well-formed, in an encoding libxml2 does not name: read, and an empty feed is no story (not "broken")
    data = '<?xml version="1.0" encoding="windows_1252"?><rss version="2.0"><channel><title>€</title></channel></rss>'
    with pytest.raises(NotATextStory):
        parse_payload(data.encode("cp1252"), url="")


def test_an_encoding_name_no_codec_has_is_no_declaration() -> None:
    # feedparser read such feeds too: UTF-8 when the bytes are, else Windows-1252
    for text, codec in (("Café ✓", "utf-8"), ("Café €", "cp1252")):
        data = f'<?xml version="1.0" encoding="bogus"?><rss version="2.0"><channel><item><title>{text}</title>'
        data += "<guid>g</guid></item></channel></rss>"
        assert _stories(data.encode(codec))[0].headline == text
