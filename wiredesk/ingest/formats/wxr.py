"""Read a WordPress export (WXR 1.0–1.2) into stories, one per post.

``read_channel`` and ``read_item`` are the adaptor: a WXR ``<channel>``'s metadata and one
``<item>`` become a ``WxrPost`` — the ``StoryData`` of a post plus what a migration needs
beside it (post id, permalink, categories, tags, author, featured image id, whether the post
was syndicated). ``parse`` reads a whole export (or the one-post documents
``post_payload`` writes) for ``detect``; ``wiredesk import wordpress`` streams big exports
itself and sends each post through the ingest as its own ``post_payload``.

The story id is the post's shortlink, the blog's address and its post id
(``https://example.org/?p=123``): stable when slugs, dates or permalink settings change.
What is read: title, ``content:encoded`` (WordPress's paragraphs: blank lines become
``<p>``, line breaks ``<br>``; shortcodes dropped, their text kept), ``excerpt:encoded``,
author (its display name from the channel's ``wp:author``), dates (``post_date_gmt``, else
``pubDate``, else ``post_date`` taken as UTC; ``post_modified_gmt`` as the version time),
``post_name``, categories and tags (as subjects ``wp-category:…``, ``wp-tag:…``), the
channel's language. Status: ``publish`` is published, ``future`` embargoed until its date,
``trash`` killed; ``draft``, ``pending``, ``private`` and the rest are withheld, so no
private post is ever shown (a withheld story is the source's own hold: publish it in
WordPress and import again).

A post is syndicated when its text holds the provenance sentence ("has not been edited by …
staff and is published from a syndicated feed") or one of the caller's markers; the old
site's provenance paragraph is then dropped from the body (Wiredesk prints its own).

Does not: read pages, attachments (only their URL, for featured images), menus, comments,
custom fields, or render blocks and shortcodes. Pure: no Django, database or network.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Final
from xml.sax.saxutils import escape

from lxml import etree

from wiredesk.ingest.dates import parse_datetime
from wiredesk.ingest.exceptions import ParseError
from wiredesk.ingest.sanitize import sanitize_body
from wiredesk.ingest.types import ParseResult, PubStatus, SkippedItem, StoryData, Subject
from wiredesk.ingest.xmlsafe import local_name, parse_xml
from wiredesk.text import plain_text

FORMAT: Final = "wxr"
WP_NS: Final = "http://wordpress.org/export/1.2/"
PROVENANCE: Final = re.compile(
    r"has not been edited by .{1,120}? staff and is published from a syndicated feed", re.I | re.S
)
_STATUS: Final = {"publish": PubStatus.USABLE, "future": PubStatus.USABLE, "trash": PubStatus.CANCELED}
_BLOCK: Final = re.compile(
    r"^\s*<(?:(?:p|div|h[1-6]|ul|ol|li|blockquote|table|figure|pre|hr|section|article|aside|dl|address)\b|!--)",
    re.I,
)
_SHORTCODE: Final = re.compile(r"\[/?[A-Za-z][\w-]*(?:\s[^\]]*)?/?\]")
_PROVENANCE_PARAGRAPH: Final = re.compile(r"<p\b[^>]*>\s*(?:<em>|<i>)?\s*\(?[^<]*?" + PROVENANCE.pattern
                                          + r"[^<]*?(?:</em>|</i>)?\s*</p>", re.I | re.S)  # fmt: skip
_CREDIT: Final = re.compile(r"\(([A-Z][A-Za-z&.\- ]{1,40})\)")
_HEADLINE_FALLBACK: Final = 80
_EMPTY_PARAGRAPH: Final = re.compile(r"\n?<p>\s*</p>")  # what a chunk of script alone leaves


@dataclass(frozen=True, slots=True)
class Channel:
    """What a WXR ``<channel>`` says about the whole export."""

    title: str = ""
    link: str = ""
    blog_url: str = ""
    language: str = ""
    wp_ns: str = WP_NS
    authors: dict[str, str] = field(default_factory=dict)  # login → display name

    @property
    def base(self) -> str:
        """The blog's address without a trailing slash: the prefix of every story id."""
        return (self.blog_url or self.link).rstrip("/")


@dataclass(frozen=True, slots=True)
class WxrPost:
    """One WXR item as a migration sees it; ``story`` is ``None`` for anything but a post."""

    post_id: int | None
    post_type: str
    status: str
    permalink: str = ""
    guid: str = ""
    slug: str = ""
    author_login: str = ""
    author: str = ""
    categories: tuple[tuple[str, str], ...] = ()  # (nicename, name)
    tags: tuple[tuple[str, str], ...] = ()
    credits: tuple[str, ...] = ()  # names in parentheses at the start or end of the text: "(IANS)"
    thumbnail_id: int | None = None
    attachment_url: str = ""
    syndicated: bool = False
    story: StoryData | None = None


def parse(data: bytes, *, url: str = "") -> ParseResult:
    """Every post of a WXR document as a story; other items (pages, attachments) are left out.

    Raises ``ParseError`` when the XML is broken or has no ``<channel>``. A post that cannot
    be read is skipped with its reason. Does not use ``url``.
    """
    root = parse_xml(data)
    channel_el = next((c for c in root if local_name(c) == "channel"), None)
    if channel_el is None:
        raise ParseError("The WordPress export has no <channel>.")
    channel = read_channel(channel_el)
    stories: list[StoryData] = []
    skipped: list[SkippedItem] = []
    for position, item in enumerate(c for c in channel_el if local_name(c) == "item"):
        try:
            post = read_item(item, channel)
        except ParseError as exc:
            skipped.append(SkippedItem(position=position, reason=str(exc)))
            continue
        if post.story is not None:
            stories.append(post.story)
    return ParseResult(format=FORMAT, stories=tuple(stories), skipped=tuple(skipped))


def read_channel(elements: Iterable[etree._Element]) -> Channel:
    """The export's metadata from the ``<channel>``'s children (before its items are needed)."""
    values: dict[str, str] = {}
    authors: dict[str, str] = {}
    wp_ns = WP_NS
    for element in elements:
        name = local_name(element)
        if name == "author" and "wordpress.org/export" in str(element.tag):
            wp_ns = str(element.tag)[1:].partition("}")[0]
            fields = {local_name(c): (c.text or "").strip() for c in element}
            login = fields.get("author_login", "")
            if login:
                authors[login] = fields.get("author_display_name") or login
        elif name in ("title", "link", "language", "base_blog_url", "base_site_url") and name not in values:
            values[name] = (element.text or "").strip()
    return Channel(
        title=values.get("title", ""), link=values.get("link", ""),
        blog_url=values.get("base_blog_url") or values.get("base_site_url", ""),
        language=values.get("language", ""), wp_ns=wp_ns, authors=authors,
    )  # fmt: skip


def read_item(item: etree._Element, channel: Channel, *, markers: Sequence[str] = ()) -> WxrPost:
    """The post an ``<item>`` holds; raises ``ParseError`` for a post that has no id and no guid.

    ``markers`` are extra phrases that mark a post as syndicated, besides ``PROVENANCE``.
    """
    text: dict[str, str] = {}
    categories: list[tuple[str, str]] = []
    tags: list[tuple[str, str]] = []
    thumbnail: int | None = None
    for child in item:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        name = tag.rpartition("}")[2]
        if name == "category":
            pair = ((child.get("nicename") or "").strip(), (child.text or "").strip())
            (categories if child.get("domain") == "category" else tags if child.get("domain") == "post_tag"
             else []).append(pair)  # fmt: skip
        elif name == "postmeta":
            meta = {local_name(c): (c.text or "").strip() for c in child}
            if meta.get("meta_key") == "_thumbnail_id" and meta.get("meta_value", "").isdigit():
                thumbnail = int(meta["meta_value"])
        elif name == "encoded":
            text["excerpt" if "/excerpt/" in tag else "content"] = child.text or ""
        elif name not in text:
            text[name] = (child.text or "").strip()
    post_id = int(text["post_id"]) if text.get("post_id", "").isdigit() else None
    post_type, status = text.get("post_type", "post"), text.get("status", "publish")
    login = text.get("creator", "")
    content = text.get("content", "")
    syndicated = bool(PROVENANCE.search(content)) or any(m and m in content for m in markers)
    post = WxrPost(
        post_id=post_id, post_type=post_type, status=status, permalink=text.get("link", ""),
        guid=text.get("guid", ""), slug=text.get("post_name", ""), author_login=login,
        author=channel.authors.get(login, login), categories=tuple(categories), tags=tuple(tags),
        credits=_credits(content), thumbnail_id=thumbnail, attachment_url=text.get("attachment_url", ""),
        syndicated=syndicated,
    )  # fmt: skip
    if post_type != "post":
        return post
    agency_id = f"{channel.base}/?p={post_id}" if post_id is not None and channel.base else text.get("guid", "")
    if not agency_id:
        raise ParseError(f"WordPress post {text.get('title', '')[:60]!r} has no post id and no guid.")
    return _with_story(post, text, channel, agency_id)


def _with_story(post: WxrPost, text: dict[str, str], channel: Channel, agency_id: str) -> WxrPost:
    notes: list[str] = []
    body = autop(text.get("content", ""))
    if post.syndicated:
        body, removed = _PROVENANCE_PARAGRAPH.subn("", body)
        if removed:
            notes.append("the old site's provenance line was left out of the body: Wiredesk shows its own")
    body_html = _EMPTY_PARAGRAPH.sub("", sanitize_body(body)).strip()
    headline = plain_text(text.get("title"))
    if not headline:
        words = plain_text(body_html)[:_HEADLINE_FALLBACK].rsplit(" ", 1)[0]
        if not words:
            raise ParseError(f"WordPress post {agency_id} has no title and no text.")
        headline = words + "…"
        notes.append("the post has no title: its first words stand in")
    published = parse_datetime(text.get("post_date_gmt")) or parse_datetime(text.get("pubDate"))
    if published is None and parse_datetime(text.get("post_date")):
        published = parse_datetime(text.get("post_date"))
        notes.append(f"post_date {text.get('post_date')!r} has no time zone: taken as UTC")
    modified = parse_datetime(text.get("post_modified_gmt"))
    status = post.status
    if status not in _STATUS:
        notes.append(f"WordPress status {status!r}: withheld, never shown")
    subjects = tuple(Subject(code=f"wp-category:{slug or name}", name=name) for slug, name in post.categories)
    subjects += tuple(Subject(code=f"wp-tag:{slug or name}", name=name) for slug, name in post.tags)
    story = StoryData(
        agency_id=agency_id,
        headline=headline,
        body_html=body_html,
        abstract=plain_text(text.get("excerpt")),
        slugline=post.slug,
        byline=post.author,
        language=channel.language,
        pubstatus=_STATUS.get(status, PubStatus.WITHHELD),
        first_created=published,
        version_created=modified or published,
        embargoed=published if status == "future" else None,
        subjects=subjects,
        provider=(post.author or channel.title) if post.syndicated else channel.title,
        link=post.permalink,
        format=FORMAT,
        notes=tuple(notes),
    )
    return replace(post, story=story)


def autop(content: str) -> str:
    """WordPress's stored post text as HTML paragraphs (a small ``wpautop``); not sanitized.

    Blank lines separate paragraphs; a paragraph that starts with a block element (or a
    block comment) is kept as it is; others become ``<p>`` with ``<br>`` for line breaks.
    Shortcode tags (``[caption …]``, ``[/caption]``) are dropped, their text kept.
    """
    content = _SHORTCODE.sub("", content.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not content:
        return ""
    parts = []
    for chunk in re.split(r"\n\s*\n", content):
        chunk = chunk.strip()
        if not chunk:
            continue
        parts.append(chunk if _BLOCK.match(chunk) else "<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(parts)


def _credits(content: str) -> tuple[str, ...]:
    """Names in parentheses near the start or the end of the text, where agencies credit themselves."""
    text = plain_text(content)
    return tuple(dict.fromkeys(_CREDIT.findall(text[:300]) + _CREDIT.findall(text[-300:])))


def post_payload(channel: Channel, item: etree._Element) -> bytes:
    """A WXR document holding only ``item`` and the channel fields it needs: one post's payload.

    The same item and channel always give the same bytes, so importing twice archives one
    payload. Does not change ``item``.
    """
    author = ""
    login = next((c.text or "" for c in item if isinstance(c.tag, str) and local_name(c) == "creator"), "").strip()
    if login in channel.authors:
        display = escape(channel.authors[login])
        author = (f"<wp:author><wp:author_login>{escape(login)}</wp:author_login>"
                  f"<wp:author_display_name>{display}</wp:author_display_name></wp:author>")  # fmt: skip
    head = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:wp="{escape(channel.wp_ns)}">'
        f"<channel><title>{escape(channel.title)}</title><link>{escape(channel.link)}</link>"
        f"<language>{escape(channel.language)}</language>"
        f"<wp:base_blog_url>{escape(channel.blog_url)}</wp:base_blog_url>{author}"
    )
    return head.encode("utf-8") + etree.tostring(item, encoding="utf-8", with_tail=False) + b"</channel></rss>"
