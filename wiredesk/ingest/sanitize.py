"""Clean agency HTML for readers, and turn markup into plain text.

Bodies keep the structure news needs — paragraphs, headings, lists, quotes, links (http,
https, mailto — the same allowlist for every URL attribute: href, src, cite), emphasis,
figures and simple tables — and lose everything else (scripts, styles, event handlers,
iframes, forms). nh3 (the Ammonia sanitizer) does the work.
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
# nh3 (Ammonia) applies url_schemes to href and src only; every other attribute that holds a
# URL gets the same allowlist from _filter_url_attribute (a javascript: cite is a link too).
URL_ATTRIBUTES: Final = frozenset({"href", "src", "cite", "longdesc", "action", "formaction", "poster", "data"})

# Elements inside a sentence (HTML phrasing content): their tags are no word boundary, so
# they go without a space ("<b>301</b>." is "301."); any other tag is one.
INLINE_TAGS: Final = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
     "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
     "var", "wbr"}
)  # fmt: skip

# A tag starts with a letter, "/" or "!" after "<"; "a < b > c" in plain text is not one.
_TAG: Final = re.compile(r"<[/!?]?([A-Za-z][A-Za-z0-9]*)[^>]*>|<!--.*?-->", re.S)
_COMMENT: Final = re.compile(r"<!--.*?-->", re.S)
# Elements whose content is code or raw text, never words for readers; only with their end
# tag, so that a headline that merely names "<style>" loses no more than that word.
_HIDDEN: Final = re.compile(
    r"<(script|style|template|noscript|iframe|noembed|noframes|xmp)\b[^>]*>.*?</\1\s*>", re.S | re.I
)
_BLOCK_END: Final = re.compile(r"</(p|div|h[1-6]|li|blockquote|tr|table|pre)>|<br\s*/?>", re.I)
_PARAGRAPH_BREAK: Final = re.compile(r"\n\s*\n|\r\n\s*\r\n")
# A URL's scheme as a browser reads it (WHATWG URL): leading C0 controls and spaces are
# skipped and tabs/newlines anywhere are dropped first, so "  java\tscript:" is javascript:.
_URL_IGNORED: Final = re.compile(r"[\t\n\r]")
_URL_SCHEME: Final = re.compile(r"[\x00-\x20]*([A-Za-z][A-Za-z0-9+.\-]*):")


def _filter_url_attribute(element: str, attribute: str, value: str) -> str | None:
    """Keep a URL attribute only when it is relative or its scheme is in ``URL_SCHEMES``."""
    if attribute not in URL_ATTRIBUTES:
        return value
    scheme = _URL_SCHEME.match(_URL_IGNORED.sub("", value))
    return value if scheme is None or scheme.group(1).lower() in URL_SCHEMES else None


_CLEAN_OPTIONS: Final[dict[str, Any]] = {
    "tags": set(BODY_TAGS),
    "attributes": {tag: set(attrs) for tag, attrs in BODY_ATTRIBUTES.items()},
    "url_schemes": set(URL_SCHEMES),
    "link_rel": "noopener noreferrer nofollow",
    # dropped with their text, not just unwrapped: a whole HTML document's <title> or a
    # <script> must not end up in the story
    "clean_content_tags": {"script", "style", "title", "template", "noscript", "head", "iframe", "noembed",
                           "noframes", "xmp"},  # fmt: skip
    "strip_comments": True,
}


# One Cleaner built from the allowlists: nh3.clean builds it again on every call, which
# was about a third of its time on a news body; the output is the same.
_clean: Final = nh3.Cleaner(**_CLEAN_OPTIONS).clean
# nh3 calls an attribute filter for every attribute, which doubles the time on a body full of
# links: only markup that names another URL attribute at all is cleaned with the filter.
_clean_url_attributes: Final = nh3.Cleaner(**_CLEAN_OPTIONS, attribute_filter=_filter_url_attribute).clean
_ALLOWED_ATTRIBUTES: Final = set().union(*BODY_ATTRIBUTES.values())
_FILTERED_ATTRIBUTES: Final = sorted(URL_ATTRIBUTES.intersection(_ALLOWED_ATTRIBUTES) - {"href", "src"})
_MAY_HOLD_URL_ATTRIBUTE: Final = re.compile("|".join(_FILTERED_ATTRIBUTES) or "(?!)", re.I)


def _one_line(text: str) -> str:
    # Same result as collapsing r"\s+" to " " and stripping: str.split() and re's \s
    # agree on what is whitespace; this is simply faster.
    return " ".join(text.split())


def sanitize_body(markup: str) -> str:
    """Return ``markup`` reduced to the news allowlist, links forced to ``rel=noopener``."""
    if not markup or not markup.strip():
        return ""
    clean = _clean_url_attributes if _MAY_HOLD_URL_ATTRIBUTE.search(markup) else _clean
    return clean(markup).strip()


def plain_text(value: str | None) -> str:
    """Return ``value`` as one line of plain text: tags dropped, entities decoded."""
    if not value:
        return ""
    if "<" in value:
        # script and style are dropped with their text, not just their tags (comments
        # first: a "<script>" inside one is no script)
        value = _TAG.sub(_tag_gap, without_code(_COMMENT.sub("", value)))
    if "&" in value:
        value = html.unescape(value)
    return _one_line(value)


def without_code(value: str) -> str:
    """``value`` less its script, style and other raw-text elements, tags and content.

    For text a feed types as plain that still carries them: their content is code, never
    words for readers. Other tags, and a lone "<script>" without an end tag, stay.
    """
    return _HIDDEN.sub(" ", value) if "<" in value else value


def _tag_gap(match: re.Match[str]) -> str:
    name = match.group(1)
    return "" if name is None or name.lower() in INLINE_TAGS else " "


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
