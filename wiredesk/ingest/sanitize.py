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
from typing import Any, Final

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

# A tag starts with a letter, "/" or "!" after "<"; "a < b > c" in plain text is not one.
_TAG: Final = re.compile(r"<[/!?]?[A-Za-z][^>]*>|<!--.*?-->", re.S)
_BLOCK_END: Final = re.compile(r"</(p|div|h[1-6]|li|blockquote|tr|table|pre)>|<br\s*/?>", re.I)
_PARAGRAPH_BREAK: Final = re.compile(r"\n\s*\n|\r\n\s*\r\n")

_CLEAN_OPTIONS: Final[dict[str, Any]] = {
    "tags": set(BODY_TAGS),
    "attributes": {tag: set(attrs) for tag, attrs in BODY_ATTRIBUTES.items()},
    "url_schemes": set(URL_SCHEMES),
    "link_rel": "noopener noreferrer nofollow",
    # dropped with their text, not just unwrapped: a whole HTML document's <title> or a
    # <script> must not end up in the story
    "clean_content_tags": {"script", "style", "title", "template", "noscript", "head"},
    "strip_comments": True,
}


# One Cleaner built from the allowlists: nh3.clean builds it again on every call, which
# was about a third of its time on a news body; the output is the same.
_clean: Final = nh3.Cleaner(**_CLEAN_OPTIONS).clean


def _one_line(text: str) -> str:
    # Same result as collapsing r"\s+" to " " and stripping: str.split() and re's \s
    # agree on what is whitespace; this is simply faster.
    return " ".join(text.split())


def sanitize_body(markup: str) -> str:
    """Return ``markup`` reduced to the news allowlist, links forced to ``rel=noopener``."""
    if not markup or not markup.strip():
        return ""
    return _clean(markup).strip()


def plain_text(value: str | None) -> str:
    """Return ``value`` as one line of plain text: tags dropped, entities decoded."""
    if not value:
        return ""
    if "<" in value:
        value = _TAG.sub(" ", value)
    if "&" in value:
        value = html.unescape(value)
    return _one_line(value)


def text_to_html(text: str) -> str:
    """Turn plain text (ninjs ``body_text``, ``description_text``) into escaped paragraphs."""
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    if len(paragraphs) == 1 and "\n" in paragraphs[0]:
        paragraphs = [p.strip() for p in paragraphs[0].splitlines() if p.strip()]
    return "".join(f"<p>{html.escape(_one_line(p))}</p>" for p in paragraphs)


def html_to_text(markup: str) -> str:
    """Plain text of a body, paragraphs separated by blank lines (for search and hashing)."""
    text = _BLOCK_END.sub("\n\n", markup)
    text = html.unescape(_TAG.sub("", text))
    parts = (_one_line(p) for p in text.split("\n\n"))
    return "\n\n".join(p for p in parts if p)
