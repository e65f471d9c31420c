"""Clean agency HTML for readers, and turn plain text into paragraphs.

Bodies keep the structure news needs — paragraphs, headings, lists, quotes, links (http,
https, mailto — the same allowlist for every URL attribute: href, src, cite), emphasis,
figures and simple tables — and lose everything else (scripts, styles, event handlers,
iframes, forms). nh3 (the Ammonia sanitizer) does the work.

Does not rewrite or shorten the text itself: a syndicated body stays the agency's words.
Does not turn markup into plain text: ``wiredesk.text.plain_text`` does, for every part.
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


def text_to_html(text: str) -> str:
    """Turn plain text (ninjs ``body_text``, ``description_text``) into escaped paragraphs."""
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    if len(paragraphs) == 1 and "\n" in paragraphs[0]:
        paragraphs = [p.strip() for p in paragraphs[0].splitlines() if p.strip()]
    return "".join(f"<p>{html.escape(_one_line(p))}</p>" for p in paragraphs)
