"""``wiredesk.text.plain_text``: the one way every part reads the words out of markup."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from wiredesk.text import INLINE_TAGS, plain_text, without_code


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (None, ""),
        ("", ""),
        ("  One\n two\t three  ", "One two three"),
        # tags of phrasing content are no word boundary…
        ("Approved <b>301</b>.", "Approved 301."),
        ("Ira<i>n</i> and <a href='/x'>IANS</a>, <SPAN>too</SPAN>", "Iran and IANS, too"),
        # …every other tag is one
        ("<p>One.</p><p>Two.</p>", "One. Two."),
        ("<table><tr><td>4</td><td>5</td></tr></table>", "4 5"),
        ("<dl><dt>Term</dt><dd>Meaning</dd></dl>", "Term Meaning"),
        ("One<br>two<br/>three<hr>four", "One two three four"),
        ("<ul><li>a</li><li>b</li></ul>", "a b"),
        # entities are decoded after the tags go: escaped markup is text
        ("Tom &amp; Jerry &lt;b&gt;", "Tom & Jerry <b>"),
        ("NEW&nbsp;DELHI: rain", "NEW DELHI: rain"),
        # what is not a tag stays
        ("3 < 4 and 5 > 2", "3 < 4 and 5 > 2"),
        ("a <3 b", "a <3 b"),
        # comments, and code with its content, go
        ("Kept<!-- a comment -->.", "Kept."),
        ("<!-- <script> -->Kept<script>gone()</script>", "Kept"),
        ("Budget <script>document.write('x')</script>passes", "Budget passes"),
        ("A <STYLE type='text/css'>p{}</STYLE> B", "A B"),
        ("Why the <style> tag matters", "Why the tag matters"),  # no end tag: only the tag goes
        ("<?xml version='1.0'?><!DOCTYPE html><p>Body</p>", "Body"),
    ],
)
def test_plain_text(markup: str | None, expected: str) -> None:
    assert plain_text(markup) == expected


def test_a_sanitized_body_reads_as_its_words() -> None:
    body = (
        '<h2>Sub</h2><p>TEHRAN: <a href="https://x.example/" rel="noopener noreferrer nofollow">Iran</a>\'s '
        "<em>state</em> media said.</p><figure><img src=\"/a.jpg\" alt=\"Map\"><figcaption>A map</figcaption>"
        "</figure><blockquote><p>Quoted &amp; cited</p></blockquote>"
    )
    assert plain_text(body) == "Sub TEHRAN: Iran's state media said. A map Quoted & cited"


@given(st.text())
def test_escaped_text_comes_back(text: str) -> None:
    # Whatever the text, written into HTML as text it reads back as itself (whitespace collapsed).
    assert plain_text(html.escape(text)) == " ".join(text.split())


@given(st.text(alphabet=st.characters(exclude_characters="<&")))
def test_text_without_markup_only_loses_extra_whitespace(text: str) -> None:
    assert plain_text(text) == " ".join(text.split())


@given(st.lists(st.text(alphabet=st.characters(exclude_characters="<>&"), min_size=1), min_size=1),
       st.sampled_from(sorted(INLINE_TAGS)))  # fmt: skip
def test_inline_tags_join_block_tags_separate(words: list[str], inline: str) -> None:
    joined = "".join(words)
    assert plain_text(f"<{inline}>".join(words)) == " ".join(joined.split())
    assert plain_text("<p>".join(words)) == " ".join(" ".join(words).split())


_FRAGMENTS = ["<p>", "</p>", "<P>", "<b>", "</b>", "<td>", "<br/>", "<!--", "-->", "<script>", "</script>",
              "<", ">", "&amp;", "&lt;p&gt;", " ", "\n", "word", "p>", '"']  # fmt: skip
_ANY_TAG = re.compile(r"<[/!?]?([A-Za-z][A-Za-z0-9]*)[^>]*>")


def _reference(markup: str) -> str:
    """The rules without shortcuts: one regular expression, each tag judged by its name."""
    markup = re.sub(r"<!--.*?-->", "", markup, flags=re.S)
    markup = without_code(markup)
    markup = _ANY_TAG.sub(lambda m: "" if m.group(1).lower() in INLINE_TAGS else " ", markup)
    return " ".join(html.unescape(markup).split())


@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=30).map("".join))
def test_the_paragraph_shortcut_changes_nothing(markup: str) -> None:
    # plain_text replaces <p> and </p> without the regular expression; the result is the
    # same wherever no tag holds a "<" (a sanitized body never does).
    assume(not any("<" in m.group(0)[1:] for m in _ANY_TAG.finditer(markup)))
    assert plain_text(markup) == _reference(markup)


def test_without_code_keeps_other_tags() -> None:
    assert without_code("a <b>c</b> <script>d()</script>e") == "a <b>c</b>  e"
    assert without_code("no markup") == "no markup"
