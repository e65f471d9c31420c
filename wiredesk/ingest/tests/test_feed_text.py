"""The feed reader's string steps: canonical HTML, relative references, HTML in text, repairs.

``test_feed_rules.py`` checks against feedparser that ``canonical_html`` keeps the bodies of
stories as they were; these are the rules one by one. Pure: no database.
"""

from __future__ import annotations

import pytest

from wiredesk.ingest.formats import _feed_text

BASE = "https://wire.acme.example/feeds/main.xml"


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>No attributes, nothing to do &amp; no work.</p>", "<p>No attributes, nothing to do &amp; no work.</p>"),
        ('<IMG SRC="a.png" Alt=x>', '<img alt="x" src="https://wire.acme.example/feeds/a.png" />'),
        ('<a title="t" href="/x" title="u">', '<a href="https://wire.acme.example/x" title="u">'),  # the last wins
        ('<a href="javascript:go()">x</a>', '<a href="javascript:go()">x</a>'),  # left for sanitize_body to drop
        ('<a href=" //cdn.example/y ">', '<a href="https://cdn.example/y">'),
        ('<a href="">', '<a href="https://wire.acme.example/feeds/main.xml">'),  # RFC 3986 §5.2: the document
        ('<link rel="STYLESHEET" type="Text/CSS">', '<link rel="stylesheet" type="text/css" />'),
        ("<td nowrap>", '<td nowrap="nowrap">'),
        ('<p title="a>b" class=x>', '<p class="x" title="a&gt;b">'),
        ("<br></br><br/><hr />", "<br /><br /><hr />"),  # <br></br> is one break
        ("<p/>Text<p class='a'/>", '<p></p>Text<p class="a">'),  # HTML ignores a slash after attributes
        ("<br class=x/>", '<br class="x/" />'),  # the slash ends an unquoted value
        ("<!x> and <!-- kept -->", "&lt;!x> and <!-- kept -->"),
    ],
)
def test_canonical_html(markup: str, expected: str) -> None:
    assert _feed_text.canonical_html(markup, BASE) == expected


def test_canonical_html_without_a_base_resolves_nothing() -> None:
    assert _feed_text.canonical_html('<a href=" /x ">', "") == '<a href="/x">'
    assert _feed_text.canonical_html('<p class="a"/>', "", xhtml=True) == '<p class="a"></p>'


@pytest.mark.parametrize(
    ("value", "html"),
    [("A &amp; B", True), ("<b>Bold</b> move", True), ("&eacute;t&eacute;", True), ("1 < 2 > 0", False),
     ("AT&T", False), ("<script>x()</script>", False), ("&bogus; text", False), ("<br> alone", False)],
)  # fmt: skip
def test_looks_like_html(value: str, html: bool) -> None:
    assert _feed_text.looks_like_html(value) is html


def test_fix_mojibake_and_c1_controls() -> None:
    assert _feed_text.fix("CafÃ©") == "Café"  # UTF-8 read as Latin-1
    assert _feed_text.fix("Café") == "Café"  # real Latin-1 text stays
    assert _feed_text.fix("\x93quoted\x94 \x81") == "“quoted” \x81"  # 0x81 has no Windows-1252 letter
    assert _feed_text.fix("plain") == "plain"


def test_references_and_bases() -> None:
    assert _feed_text.resolve(BASE, "../x") == "https://wire.acme.example/x"
    assert _feed_text.resolve("", "rel") == "rel" and _feed_text.resolve("", "http:///x") == "http://x"
    assert _feed_text.join_base(BASE, "sub/") == "https://wire.acme.example/feeds/sub/"
    assert _feed_text.join_base(BASE, "javascript:alert(1)") == BASE
    assert _feed_text.join_base("", "http://b.example/") == "http://b.example/"
    assert _feed_text.map_type(" XHTML ") == "application/xhtml+xml" and _feed_text.map_type("text") == "text/plain"
    assert _feed_text.entity_text("nbsp") == "\xa0" and _feed_text.entity_text("bogus") == "&bogus;"
