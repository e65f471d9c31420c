"""Clean agency HTML for readers, and turn markup into plain text.

Bodies keep the structure news needs — paragraphs, headings, lists, quotes, links (http,
https, mailto), emphasis, figures and simple tables — and lose everything else (scripts,
styles, event handlers, iframes, forms). nh3 (the Ammonia sanitizer) does the work.
Headlines, abstracts and bylines are plain text: tags dropped, entities decoded,
whitespace collapsed.

Does not rewrite or shorten the text itself: a syndicated body stays the agency's words.
"""

from __future__ import annotations

import html
import re
from typing import Final

import nh3

BODY_TAGS: Final = frozenset(
    {
        "p", "br", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "q", "cite",
        "a", "em", "i", "strong", "b", "u", "s", "sub", "sup", "small", "abbr", "span", "pre",
        "code", "hr", "figure", "figcaption", "img", "table", "thead", "tbody", "tfoot", "tr",
        "th", "td", "caption", "dl", "dt", "dd",
    }
)  # fmt: skip
BODY_ATTRIBUTES: Final = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "*": {"lang", "dir"},
}
URL_SCHEMES: Final = frozenset({"http", "https", "mailto"})

_WHITESPACE: Final = re.compile(r"\s+")
# A tag starts with a letter, "/" or "!" after "<"; "a < b > c" in plain text is not one.
_TAG: Final = re.compile(r"<[/!?]?[A-Za-z][^>]*>|<!--.*?-->", re.S)
_BLOCK_END: Final = re.compile(r"</(p|div|h[1-6]|li|blockquote|tr|table|pre)>|<br\s*/?>", re.I)


def sanitize_body(markup: str) -> str:
    """Return ``markup`` reduced to the news allowlist, links forced to ``rel=noopener``."""
    if not markup or not markup.strip():
        return ""
    cleaned = nh3.clean(
        markup,
        tags=set(BODY_TAGS),
        attributes={tag: set(attrs) for tag, attrs in BODY_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        # dropped with their text, not just unwrapped: a whole HTML document's <title>
        # or a <script> must not end up in the story
        clean_content_tags={"script", "style", "title", "template", "noscript", "head"},
        strip_comments=True,
    )
    return cleaned.strip()


def plain_text(value: str | None) -> str:
    """Return ``value`` as one line of plain text: tags dropped, entities decoded."""
    if not value:
        return ""
    if "<" in value:
        value = _TAG.sub(" ", value)
    if "&" in value:
        value = html.unescape(value)
    return _WHITESPACE.sub(" ", value).strip()


def text_to_html(text: str) -> str:
    """Turn plain text (ninjs ``body_text``, ``description_text``) into escaped paragraphs."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\r\n\s*\r\n", text) if p.strip()]
    if len(paragraphs) == 1 and "\n" in paragraphs[0]:
        paragraphs = [p.strip() for p in paragraphs[0].splitlines() if p.strip()]
    return "".join(f"<p>{html.escape(_WHITESPACE.sub(' ', p))}</p>" for p in paragraphs)


def html_to_text(markup: str) -> str:
    """Plain text of a body, paragraphs separated by blank lines (for search and hashing)."""
    text = _BLOCK_END.sub("\n\n", markup)
    text = html.unescape(_TAG.sub("", text))
    parts = (_WHITESPACE.sub(" ", p).strip() for p in text.split("\n\n"))
    return "\n\n".join(p for p in parts if p)
