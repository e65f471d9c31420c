"""Streaming an export: every item in order, the tree cleared behind it (no database)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wiredesk.ingest.exceptions import ParseError, UnsafeXML
from wiredesk.ingest.formats import wxr
from wiredesk.wordpress.stream import read_items, source_identity
from wiredesk.wordpress.tests.factories import write_export


def test_a_large_export_streams_in_flat_memory(tmp_path: Path) -> None:
    """10,000 posts (and 1,000 attachments): each item arrives whole, and the ones before it are gone."""
    path = write_export(tmp_path / "large.xml", 10_000)
    seen = posts = 0
    with path.open("rb") as file:
        for item in read_items(file):
            # the items before this one are gone (lxml may have read a few ahead of it)
            assert not any(c.tag == "item" for c in item.element.itersiblings(preceding=True))
            assert item.position == seen
            seen += 1
            post = wxr.read_item(item.element, item.channel)
            posts += post.story is not None
    assert (seen, posts) == (11_000, 10_000)
    assert item.channel.base == "https://herald.example"
    assert item.channel.authors == {"mira": "Mira Olsen", "ians": "IANS"}


def test_a_broken_export_is_a_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml"
    path.write_bytes(write_export(tmp_path / "whole.xml", 3).read_bytes()[:-300])
    with path.open("rb") as file, pytest.raises(ParseError, match="not well-formed"):
        list(read_items(file))


def test_entities_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]><rss><channel>&a;</channel></rss>')
    with path.open("rb") as file, pytest.raises(UnsafeXML):
        list(read_items(file))


def test_not_an_export(tmp_path: Path) -> None:
    path = tmp_path / "other.xml"
    path.write_text("<feed><entry/></feed>")
    with path.open("rb") as file, pytest.raises(ParseError, match="no <channel>"):
        list(read_items(file))


def test_source_identity_follows_the_content(tmp_path: Path) -> None:
    one, two = write_export(tmp_path / "a.xml", 5), write_export(tmp_path / "b.xml", 6)
    assert source_identity(one) == source_identity(write_export(tmp_path / "c.xml", 5))
    assert source_identity(one) != source_identity(two)
