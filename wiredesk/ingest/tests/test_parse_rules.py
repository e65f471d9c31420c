"""Rules the parsers share, one class of bug each: word boundaries, HTML sent as text, code in
text fields, revision suffixes in NITF ids, the XHTML header, the words for a text story.

The golden files (``test_golden.py``) show each rule on a whole sample; these tests pin the
rule's edges. Pure: no database.
"""

from __future__ import annotations

import json

import pytest
from lxml import etree

from wiredesk.ingest.detect import parse_payload
from wiredesk.ingest.exceptions import NotATextStory
from wiredesk.ingest.formats._markup import line_text, looks_like_html
from wiredesk.ingest.formats.nitf import _story_id
from wiredesk.ingest.sanitize import sanitize_body
from wiredesk.text import plain_text, without_code


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        ("<byline><byttl>By</byttl><person>Staff Reporter</person><byttl>BusinessDesk</byttl></byline>",
         "By Staff Reporter BusinessDesk"),
        ("<byline>By<person>Ana Ruiz</person>, <byttl>Acme</byttl></byline>", "By Ana Ruiz, Acme"),
        ("<dateline><location><city>OSLO</city>, <country>Norway</country></location>, "
         "<story.date>June 3</story.date></dateline>", "OSLO, Norway, June 3"),
        ("<hl1>Fed <em>halts</em> QE<script>x()</script> (<org>AP</org>)</hl1>", "Fed halts QE (AP)"),
        ("<p>said <person>Smith</person>'s aide</p>", "said Smith's aide"),
        ("<p>in<b>line</b> word<!-- a comment --> here</p>", "inline word here"),
    ],
)  # fmt: skip
def test_line_text_keeps_parts_apart(xml: str, expected: str) -> None:
    assert line_text(etree.fromstring(xml)) == expected


@pytest.mark.parametrize(
    ("text", "is_html"),
    [
        ("<p>One.</p><p>Two.</p>", True),
        ("Line one<br/>Line two", True),
        ("<h2>Sub</h2>\n<ul><li>a</li></ul>", True),
        ("<p>Body</p><script>track()</script>", True),  # HTML with a script: HTML, sanitized
        ("The <p> element opens a paragraph.", False),  # a tag named, no block closed
        ("3 < 4 and 5 > 2", False),
        ("He wrote <b>bold</b> words.", False),  # inline only: not clearly markup
        ("<p>x</p><customtag>y</customtag>", False),  # a tag HTML does not have
        ("", False),
    ],
)
def test_looks_like_html(text: str, is_html: bool) -> None:
    assert looks_like_html(text) is is_html


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Budget <script>document.write('x')</script>passes", "Budget passes"),
        ("<style>h1{color:red}</style>Acme", "Acme"),
        ("A <SCRIPT type='text/javascript'>x()</SCRIPT> B", "A B"),
        ("<!-- <script> -->Kept<script>gone()</script>", "Kept"),
        ("Approved <b>301</b>.", "Approved 301."),  # inline tags are no word boundary
        ("One<br>two</p><p>three", "One two three"),
        ("Why the <style> tag matters", "Why the tag matters"),  # no end tag: only the tag goes
    ],
)
def test_plain_text_drops_code_with_its_content(value: str, expected: str) -> None:
    assert plain_text(value) == expected


def test_text_fields_lose_code_blocks_only() -> None:
    assert without_code("a <b>c</b> <script>d()</script>e") == "a <b>c</b>  e"
    assert sanitize_body("<p>safe<iframe src='https://x.example/'>fallback <b>text</b></iframe></p>") == "<p>safe</p>"


@pytest.mark.parametrize(
    ("id_string", "version", "expected"),
    [
        ("NTB5df9281a-a270-4dc5-a618-869bbc3bbca7_00", "1", "NTB5df9281a-a270-4dc5-a618-869bbc3bbca7"),
        ("NTB5df9281a-a270-4dc5-a618-869bbc3bbca7_11", "12", "NTB5df9281a-a270-4dc5-a618-869bbc3bbca7"),
        ("ACME-MILL_07", "3", "ACME-MILL_07"),  # the du-key does not confirm it: kept
        ("ACME-MILL_07", "", "ACME-MILL_07"),  # no du-key version
        ("ACME-MILL_7", "8", "ACME-MILL_7"),  # NTB writes two digits at least
        ("_00", "1", "_00"),  # nothing would be left
        ("AAP.115314987.5417374", "1", "AAP.115314987.5417374"),
    ],
)
def test_nitf_revision_suffix(id_string: str, version: str, expected: str) -> None:
    assert _story_id(id_string, version) == expected


def _g2_xhtml(body: str) -> bytes:
    return (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="1">'
        '<itemMeta><itemClass qcode="ninat:text"/><versionCreated>2024-06-11T10:00:00Z</versionCreated></itemMeta>'
        '<contentMeta><headline>H</headline><slugline>FROM-META</slugline></contentMeta>'
        '<contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">'
        f"<body>{body}</body></html></inlineXML></contentSet></newsItem>"
    ).encode()


def test_a_header_after_text_is_a_section_heading_and_stays() -> None:
    story = parse_payload(_g2_xhtml("<p>Lead.</p><header><h2>Later</h2></header><p>More.</p>")).stories[0]
    assert story.body_html == "<p>Lead.</p><h2>Later</h2><p>More.</p>" and not story.notes


def test_the_g2_metadata_wins_over_the_header() -> None:
    body = '<header><p class="slug">FROM-HEADER</p><address>Jo Lind</address></header><p>Text.</p>'
    story = parse_payload(_g2_xhtml(body)).stories[0]
    assert (story.slugline, story.byline, story.body_html) == ("FROM-META", "Jo Lind", "<p>Text.</p>")


@pytest.mark.parametrize("kind", ["text", "story", "STORY", "article", "preformatted", "ninat:text",
                                  "http://cv.iptc.org/newscodes/ninature/text/"])  # fmt: skip
def test_ninjs_words_for_a_text_story(kind: str) -> None:
    item = {"uri": "urn:x:1", "type": kind, "headline": "H", "body_text": "B"}
    assert parse_payload(json.dumps(item).encode()).stories[0].headline == "H"


@pytest.mark.parametrize("kind", ["picture", "ninat:picture", "video", "event"])
def test_ninjs_other_types_are_still_refused(kind: str) -> None:
    item = {"uri": "urn:x:1", "type": kind, "headline": "H"}
    with pytest.raises(NotATextStory, match=kind):
        parse_payload(json.dumps(item).encode())
