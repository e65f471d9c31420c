"""Plain text from markup: the one way Wiredesk reads the words out of HTML.

``plain_text`` is what every part uses for the words of a headline, an abstract or a body:
the parsers for the plain-text fields of a payload, the search index, enrichment, routing,
the desk's diff and the article page's summary. One algorithm, so a story reads the same
everywhere:

- comments go, and so do script, style and the other raw-text elements, with their content
  (code, never words for readers; only with their end tag, so a headline that merely names
  "<style>" loses no more than that word);
- a tag of an element inside a sentence (HTML phrasing content: ``<b>``, ``<a>``, ``<span>``…)
  goes without a trace — "<b>301</b>." is "301." and "Ira<i>n</i>" is "Iran" — and any other
  tag (a paragraph, a list item, a table cell, a line break) is a word boundary;
- entities are decoded; whitespace, line and paragraph breaks collapse to single spaces.

A tag is ``<`` followed by a letter, ``/``, ``!`` or ``?``: "a < b > c" in plain text is no
tag and stays. Pure: no Django, no database. Does not sanitize (``ingest.sanitize`` does),
does not escape its result (callers that write HTML do), and does not keep paragraphs:
nothing that reads text needs them.
"""

from __future__ import annotations

import html
import re
from typing import Final

# Elements inside a sentence (HTML phrasing content): their tags are no word boundary, so
# they go without a space ("<b>301</b>." is "301."); any other tag is one.
INLINE_TAGS: Final = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
     "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
     "var", "wbr"}
)  # fmt: skip

# A tag starts with a letter, "/" or "!" after "<"; "a < b > c" in plain text is not one.
_TAG: Final = re.compile(r"<[/!?]?([A-Za-z][A-Za-z0-9]*)[^>]*>")
_COMMENT: Final = re.compile(r"<!--.*?-->", re.S)
# Elements whose content is code or raw text, never words for readers; only with their end
# tag, so that a headline that merely names "<style>" loses no more than that word.
_HIDDEN: Final = re.compile(
    r"<(script|style|template|noscript|iframe|noembed|noframes|xmp)\b[^>]*>.*?</\1\s*>", re.S | re.I
)


def plain_text(markup: str | None) -> str:
    """Return the words of ``markup`` as one line of plain text (the module docstring's rules).

    Plain text without markup comes back with its whitespace collapsed and nothing else
    changed. Does not shorten, escape or sanitize.
    """
    if not markup:
        return ""
    if "<" in markup:
        # comments first: a "<script>" inside one is no script
        if "<!--" in markup:
            markup = _COMMENT.sub("", markup)
        # Paragraph tags, most of a body's, are word boundaries like the regular expression
        # makes them, without a Python call each: the search index reads every stored body
        # on the ingest's hot path (bench/ingest.py). The one difference, a "<p>" written
        # inside another tag's attribute, cannot occur in a sanitized body (nh3 escapes it).
        markup = without_code(markup).replace("</p>", " ").replace("<p>", " ")
        markup = _TAG.sub(_tag_gap, markup)
    if "&" in markup:
        markup = html.unescape(markup)
    # str.split() and re's \s agree on what is whitespace; this is simply faster
    return " ".join(markup.split())


def without_code(value: str) -> str:
    """``value`` less its script, style and other raw-text elements, tags and content.

    For text a feed types as plain that still carries them: their content is code, never
    words for readers. Other tags, and a lone "<script>" without an end tag, stay.
    """
    return _HIDDEN.sub(" ", value) if "<" in value else value


def _tag_gap(match: re.Match[str]) -> str:
    return "" if match.group(1).lower() in INLINE_TAGS else " "
