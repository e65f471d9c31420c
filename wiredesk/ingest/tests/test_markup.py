"""The XML helpers behind the NITF and NewsML-G2 parsers, and what their fast paths promise.

``Children`` finds children by local name in one pass; ``plain_names`` and ``html_inside``
turn body markup into HTML for the sanitizer in one serialization. The parsers may work on
their own tree in place, but ``story_from_nitf`` and ``story_from_item`` leave a caller's
tree as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from wiredesk.ingest.detect import detect_format
from wiredesk.ingest.formats._markup import Children, html_inside, plain_names
from wiredesk.ingest.formats.newsml_g2 import story_from_item
from wiredesk.ingest.formats.nitf import story_from_nitf
from wiredesk.ingest.xmlsafe import parse_xml

DATA = Path(__file__).parent / "data"


def test_children_are_grouped_by_local_name_whatever_the_namespace() -> None:
    root = etree.fromstring(b'<r xmlns:a="urn:a"><a:x n="1"/><!-- c --><x n="2"/><y/><x xmlns="urn:b" n="3"/></r>')
    children = Children(root)
    assert [node.get("n") for node in children.all("x")] == ["1", "2", "3"]
    first = children.first("x")
    assert first is not None and first.get("n") == "1"
    assert children.first("y") is not None
    assert children.first("missing") is None and list(children.all("missing")) == []
    assert Children(None).first("x") is None


def test_html_inside_writes_no_namespace_and_escapes_the_leading_text() -> None:
    root = etree.fromstring(
        b'<doc xmlns:u="urn:unused"><c xmlns="urn:n" xmlns:x="urn:x" x:a="1">a &amp; &lt;b&gt;'
        b'<p x:lang="en" lang="de">P<br/>q</p>tail<x:q>z</x:q></c></doc>'
    )
    content = root[0]
    for node in content.iter():
        plain_names(node)
    assert html_inside(content) == 'a &amp; &lt;b&gt;<p lang="de">P<br>q</p>tail<q>z</q>'
    assert len(root) == 0  # taken out of its parent: used up


def test_html_inside_of_an_empty_element() -> None:
    assert html_inside(etree.fromstring(b"<c/>")) == ""


def _serialized(root: etree._Element) -> bytes:
    return etree.tostring(root)


@pytest.mark.parametrize("name", ["acme-nitf-full.xml", "acme-nitf-namespaced.xml"])
def test_story_from_nitf_leaves_the_callers_tree_as_it_was(name: str) -> None:
    root = parse_xml((DATA / name).read_bytes())
    before = _serialized(root)
    story = story_from_nitf(root, url="https://example.com/x")
    assert story.body_html
    assert _serialized(root) == before
    assert story_from_nitf(root, url="https://example.com/x") == story  # and reads it the same again


@pytest.mark.parametrize("name", ["acme-newsmlg2-full.xml", "acme-newsmlg2-xhtml.xml"])
def test_story_from_item_leaves_the_callers_tree_as_it_was(name: str) -> None:
    root = parse_xml((DATA / name).read_bytes())
    before = _serialized(root)
    story = story_from_item(root)
    assert story.body_html
    assert _serialized(root) == before
    assert story_from_item(root) == story


@pytest.mark.parametrize(
    ("prologue", "expected"),
    [
        (b"", "nitf"),
        (b"<!-- <newsItem> in a comment is not the root -->", "nitf"),
        (b'<!DOCTYPE nitf PUBLIC "-//IPTC//DTD NITF 3.6//EN" "nitf.dtd">', "nitf"),
        (b"<!DOCTYPE feed>\n<!-- a <rss> comment -->", "nitf"),
    ],
)
def test_the_root_element_is_found_past_comments_and_doctypes(prologue: bytes, expected: str) -> None:
    data = b'<?xml version="1.0"?>' + prologue + b"<nitf><!-- <feed> --><head/></nitf>"
    assert detect_format(data) == expected
