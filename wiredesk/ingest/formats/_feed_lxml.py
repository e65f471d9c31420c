"""The fast path of ``feed.parse``: read a well-formed RSS 2.0/0.9x or Atom 1.0 feed with lxml.

``read`` returns what ``feed.py`` needs from feedparser — the version, the feed-level
values and one dict per entry, under feedparser's own keys and holding feedparser's own
strings — or ``None`` when it is not sure to give exactly that, and feedparser takes over.
It walks the tree in document order and replays feedparser's rules for the elements that
carry stories (title, description/summary/content, link, guid/id, authors, dates,
categories, rights, language), including its quirks: the first non-empty title wins, an
RSS guid is the link when there is no ``<link>`` before it, ``description`` becomes
``summary``, content is copied to a missing summary — and the rules ``_feed_slow``
changes in feedparser: a guid or Atom id stays as written, Media RSS titles and
descriptions are dropped. Every string goes through ``_feed_text`` for feedparser's
string steps.

It says "not sure" (``None``) for: bytes feedparser would decode differently (anything
but UTF-8, or ASCII under an ASCII-compatible name; a byte-order mark other than UTF-8;
no declaration on a feed fetched over http, which feedparser reads as Latin-1); XML
1.1; a DOCTYPE; XML lxml cannot parse (feedparser's lenient parser then recovers what it
can); roots other than ``<rss>`` and Atom 1.0 ``<feed>`` (RSS 1.0/RDF, Atom 0.3);
``xml:base`` or any ``base`` attribute; a second description or summary; several
authors when one is plain text; text constructs with child elements unless they are
typed XHTML; base64 or non-text content types, ``src`` content; iTunes, ``<source>`` with
children, text inputs; unknown namespaces whose prefix feedparser would map ambiguously;
and any element feedparser has a handler for that is not listed here as read or as
harmless. Elements feedparser has no handler for
are ignored, as feedparser stores them under keys nobody reads.

Does not build ``StoryData`` (``feed.py`` does, for both paths) and does not fetch anything.
"""

from __future__ import annotations

import re
from typing import Any, Final

from lxml import etree

from wiredesk.ingest import xmlsafe
from wiredesk.ingest.exceptions import ParseError
from wiredesk.ingest.formats import _feed_text as ft
from wiredesk.ingest.formats._feed_names import HANDLERS, KNOWN, Names, Unsure, plain_bytes, userland

Ctx = dict[str, Any]
FastFeed = tuple[str, Ctx, list[Ctx]]

ATOM_NS: Final = "http://www.w3.org/2005/Atom"
# Keys feed.py reads: an element without handler that feedparser would store under one
# of them (as "prefix_name") would change the result, so it is not ignored.
_READ_KEYS: Final = frozenset(
    {"title", "title_detail", "summary", "summary_detail", "content", "link", "links", "id", "published",
     "published_parsed", "updated", "updated_parsed", "author", "authors", "author_detail", "tags", "rights",
     "rights_detail", "language", "guidislink"}
)  # fmt: skip
_TITLE: Final = frozenset({"title", "dc_title"})
_DESCRIPTION: Final = frozenset({"description", "dc_description"})
_AUTHOR: Final = frozenset({"author", "managingeditor", "dc_creator", "dc_author"})
_PUBLISHED: Final = frozenset({"pubdate", "published", "issued", "dcterms_issued"})
_UPDATED: Final = frozenset({"updated", "modified", "lastbuilddate", "dc_date", "dcterms_modified"})
_CATEGORY: Final = frozenset({"category", "dc_subject"})
_RIGHTS: Final = frozenset({"rights", "copyright", "dc_rights"})
_LANGUAGE: Final = frozenset({"language", "dc_language"})
# Handlers whose effects stay under keys feed.py never reads (links, enclosures, media,
# generator, contributors, geo…); the fast path skips these elements.
_HARMLESS: Final = frozenset(
    {"cloud", "enclosure", "generator", "width", "height", "url", "homepage", "uri", "subtitle", "tagline", "info",
     "webmaster", "dc_publisher", "contributor", "dc_contributor", "name", "email", "created", "dcterms_created",
     "expirationdate", "dcterms_valid", "media_content", "media_thumbnail", "media_credit", "media_rating",
     "media_restriction", "media_license", "media_player", "media_group", "media_title", "media_description",
     "georss_point", "georss_line", "georss_polygon", "georss_box"}
)  # fmt: skip
_ENTRY_HARMLESS: Final = _HARMLESS | _LANGUAGE
# At feed level these only fill feed keys feed.py does not read.
_FEED_HARMLESS: Final = _HARMLESS | _PUBLISHED | _UPDATED | _CATEGORY | _DESCRIPTION | {"link", "id", "guid"}
_CONTAINERS: Final = frozenset({"media_group", "media_content", "contributor"})  # children checked one by one
_IMAGE_CHILDREN: Final = frozenset({"title", "link", "url", "width", "height", "description"})
_COPY_TO_SUMMARY: Final = frozenset({"text/plain"}) | ft.HTML_TYPES
_OTHER_VERSIONS: Final = frozenset({"http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/"})
_QUERY_REF: Final = re.compile("&([A-Za-z0-9_]+);")


def read(data: bytes, url: str) -> FastFeed | None:
    """``(version, feed, entries)`` as feedparser would give them, or ``None`` to fall back."""
    if not plain_bytes(data, url):
        return None
    try:
        root = xmlsafe.parse_xml(data)
    except ParseError:
        return None  # also UnsafeXML: feed._refuse_unsafe has already decided on safety
    try:
        return _Reader(data, url).run(root)
    except Unsure:
        return None


class _Reader:
    """One feed's walk; raises ``Unsure`` as soon as feedparser might disagree."""

    def __init__(self, data: bytes, url: str) -> None:
        self.names = Names(data)
        self.name, self.lang, self.attrs = self.names.name, self.names.lang, self.names.attrs
        self.base = ft.effective_base(url)
        self.version = ""
        self.title_depth = -1  # feedparser's "first non-empty title wins" state
        self.feed: Ctx = {}
        self.entries: list[Ctx] = []
        self.text_authors: set[int] = set()

    def run(self, root: etree._Element) -> FastFeed:
        if getattr(root.getroottree().docinfo, "doctype", ""):
            raise Unsure
        lang = self.lang(self.attrs(root), None)
        if lang:
            self.feed["language"] = lang.replace("_", "-")
        if root.tag == "rss":
            self.version = "rss"
            channel = root[0] if len(root) == 1 else None
            if channel is None or self.name(channel) != "channel":
                raise Unsure
            channel_attrs = self.attrs(channel)
            if "lastmod" in channel_attrs or "href" in channel_attrs:
                raise Unsure  # feedparser reads them as the feed's date and link
            self.feed_children(channel, 2, self.lang(channel_attrs, lang))
        elif root.tag == f"{{{ATOM_NS}}}feed":
            if {uri.lower() for uri in root.nsmap.values()} & _OTHER_VERSIONS:
                raise Unsure  # feedparser would take the version from that namespace
            self.version = "atom10"
            self.feed_children(root, 1, lang)
        else:
            raise Unsure
        return self.version, self.feed, self.entries

    # --- feed and entries -------------------------------------------------------------

    def feed_children(self, parent: etree._Element, depth: int, lang: str | None) -> None:
        for child in parent:
            d, name, attrs = depth + 1, self.name(child), self.attrs(child)
            child_lang = self.lang(attrs, lang)
            if name in ("item", "entry"):
                if any(key != "lang" for key in attrs):
                    raise Unsure  # rdf:about, lastmod, href: feedparser reads them
                self.entry(child, d, child_lang)
            elif name in _TITLE:
                self.title(child, attrs, d, child_lang, self.feed)
            elif name in _LANGUAGE:
                self.feed["language"] = self.text(child)
            elif name in _RIGHTS:
                self.store(child, attrs, child_lang, "rights", "rights", "text/plain", self.feed)
            elif name in _AUTHOR:
                self.author(child, self.feed)
            elif name == "image":
                self.image(child, d, child_lang)
            else:
                self.passive(child, _FEED_HARMLESS)

    def entry(self, el: etree._Element, depth: int, lang: str | None) -> None:
        self.title_depth = -1
        entry: Ctx = {}
        self.entries.append(entry)
        has_content = False
        for child in el:
            name, attrs = self.name(child), self.attrs(child)
            child_lang = self.lang(attrs, lang)
            if name in _TITLE:
                self.title(child, attrs, depth + 1, child_lang, entry)
            elif name in _DESCRIPTION or name == "summary":
                if "summary" in entry and not has_content:
                    raise Unsure  # feedparser would read this one as content
                element, default = ("summary", "text/plain") if name == "summary" else ("description", "text/html")
                self.store(child, attrs, child_lang, element, "summary", default, entry)
            elif name in ("content", "content_encoded"):
                has_content = True
                default = "text/plain" if name == "content" else "text/html"
                value, params = self.content(child, attrs, child_lang, "content", default)
                entry.setdefault("content", []).append(params)
                if params["type"] in _COPY_TO_SUMMARY:  # feedparser copies it to a missing summary
                    entry.setdefault("summary", value)
            elif name == "link":
                self.link(child, attrs, entry)
            elif name in ("guid", "id"):
                self.guid(child, attrs, entry)
            elif name in _AUTHOR:
                self.author(child, entry)
            elif name in _PUBLISHED:
                entry["published"] = self.text(child)
            elif name in _UPDATED:
                entry["updated"] = self.text(child)
            elif name in _CATEGORY:
                self.category(child, attrs, entry)
            elif name in _RIGHTS:
                self.store(child, attrs, child_lang, "rights", "rights", "text/plain", entry)
            elif name == "source":
                if len(child):
                    raise Unsure
                self.title_depth = -1  # feedparser resets it for the source's own title
            else:
                self.passive(child, _ENTRY_HARMLESS)

    def passive(self, el: etree._Element, harmless: frozenset[str]) -> None:
        """Check that ``el`` and everything in it leaves feed.py's keys alone."""
        name = self.name(el)
        self.lang(self.attrs(el), None)  # only for the xml:base check
        if name in HANDLERS:
            if name not in harmless or (len(el) and name not in _CONTAINERS):
                raise Unsure
        elif name in _READ_KEYS:
            raise Unsure
        for child in el:
            self.passive(child, harmless)

    def image(self, el: etree._Element, depth: int, lang: str | None) -> None:
        # Inside <image> feedparser stores into the image; only its title matters here,
        # for the "first non-empty title" depth. Any other child would end the image.
        self.title_depth = -1
        for child in el:
            name = self.name(child)
            if name not in _IMAGE_CHILDREN or len(child):
                raise Unsure
            attrs = self.attrs(child)
            child_lang = self.lang(attrs, lang)
            if name == "title":
                value, _ = self.content(child, attrs, child_lang, "title", "text/plain")
                if value:
                    self.title_depth = depth + 1

    # --- elements -----------------------------------------------------------------------

    def title(self, el: etree._Element, attrs: dict[str, str], depth: int, lang: str | None, ctx: Ctx) -> None:
        value, params = self.content(el, attrs, lang, "title", "text/plain")
        if not -1 < self.title_depth <= depth:
            ctx["title"], ctx["title_detail"] = value, params
        if value:
            self.title_depth = depth

    def store(self, el: etree._Element, attrs: dict[str, str], lang: str | None, element: str, key: str,
              default: str, ctx: Ctx) -> None:  # fmt: skip
        value, params = self.content(el, attrs, lang, element, default)
        ctx[key], ctx[f"{key}_detail"] = value, params

    def content(self, el: etree._Element, attrs: dict[str, str], lang: str | None, element: str,
                default: str) -> tuple[str, Ctx]:  # fmt: skip
        """A text construct (feedparser's ``push_content``/``pop``): value and its details."""
        content_type = ft.map_type(attrs["type"]) if "type" in attrs else default
        if attrs.get("mode") == "base64" or "src" in attrs:
            raise Unsure
        if not content_type.startswith("text/") and not content_type.endswith(("+xml", "/xml")):
            raise Unsure  # feedparser would try to decode it as base64
        if len(el):
            if content_type != ft.XHTML:
                raise Unsure  # feedparser re-types it and re-serializes the children
            value = self.xhtml(el)
        elif content_type == ft.XHTML:
            value = ft.escape_text(el.text or "")
        else:
            value = el.text or ""
        value = value.strip()
        if self.version == "rss" and content_type == "text/plain" and ft.looks_like_html(value):
            content_type = "text/html"
        if content_type in ft.HTML_TYPES and element in ft.MARKUP_ELEMENTS:
            value = ft.html_pass(value, content_type, self.base)
        value = ft.fix(value)
        language = lang.replace("_", "-") if lang else lang
        return value, {"type": content_type, "language": language, "base": self.base, "value": value}

    @staticmethod
    def text(el: etree._Element, *, resolve: bool = False, base: str = "") -> str:
        """A plain element's value as feedparser's ``pop`` leaves it."""
        if len(el):
            raise Unsure
        value = (el.text or "").strip()
        if resolve and value:
            value = ft.resolve(base, value)
        return ft.fix(value)

    def link(self, el: etree._Element, attrs: dict[str, str], ctx: Ctx) -> None:
        if len(el):
            raise Unsure
        rel = attrs.setdefault("rel", "alternate")
        attrs.setdefault("type", "application/atom+xml" if rel == "self" else "text/html")
        href = attrs.get("url", attrs.get("uri", attrs.get("href")))
        if href:
            attrs["href"] = href
        if "href" in attrs:
            if rel == "alternate" and ft.map_type(attrs["type"]) in ft.HTML_TYPES:
                ctx["link"] = ft.resolve(self.base, attrs["href"])
            return
        value = self.text(el, resolve=True, base=self.base)
        # feedparser undoes "&amp;" and "&name;" in RSS links (query strings taken for refs)
        ctx["link"] = _QUERY_REF.sub(r"&\1", value.replace("&amp;", "&"))

    def guid(self, el: etree._Element, attrs: dict[str, str], ctx: Ctx) -> None:
        # the id as written, never resolved; a link only when it is an absolute URL
        # (the rules _feed_slow gives feedparser)
        is_link = attrs.get("ispermalink", "true") == "true"
        value = self.text(el)
        ctx["id"] = value
        if is_link and ft.ABSOLUTE_LINK.match(value):
            ctx.setdefault("link", value)

    def category(self, el: etree._Element, attrs: dict[str, str], ctx: Ctx) -> None:
        tags: list[Ctx] = ctx.setdefault("tags", [])
        _add_tag(tags, attrs.get("term"), attrs.get("scheme", attrs.get("domain")), attrs.get("label"))
        value = self.text(el)
        if value:
            if tags and not tags[-1]["term"]:
                tags[-1]["term"] = value
            else:
                _add_tag(tags, value, None, None)

    def author(self, el: etree._Element, ctx: Ctx) -> None:
        authors: list[Ctx] = ctx.setdefault("authors", [])
        if not len(el):
            # RSS <author>/<dc:creator>: one text. Its e-mail split only matters to
            # feed.py when there are several authors, which is left to feedparser.
            if authors:
                raise Unsure
            ctx["author"] = self.text(el)
            authors.append({})
            self.text_authors.add(id(ctx))
            return
        if id(ctx) in self.text_authors or (el.text or "").strip():
            raise Unsure
        parts: dict[str, str] = {}
        for child in el:
            name = self.name(child)
            self.lang(self.attrs(child), None)
            if name not in ("name", "email", "uri") or name in parts or len(child) or (child.tail or "").strip():
                raise Unsure
            parts[name] = (child.text or "").strip()  # feedparser keeps these unprocessed
        if not parts.get("name"):
            raise Unsure  # feedparser would fill the name from the previous author string
        name, email = parts["name"], parts.get("email", "")
        authors.append({"name": name})
        ctx["author"] = f"{name} ({email})" if email else name

    def xhtml(self, el: etree._Element) -> str:
        """Atom ``type="xhtml"`` content rebuilt as feedparser writes it, outer div removed."""
        pieces: list[str] = [ft.escape_text(el.text)] if el.text else []
        for child in el:
            self._xhtml_element(child, pieces)
        if self.version == "atom10":
            pieces = _without_wrapping_div(pieces)
        return "".join(pieces)

    def _xhtml_element(self, el: etree._Element, pieces: list[str]) -> None:
        # feedparser writes each element back as "<local attrs>" from its SAX events.
        tag = str(el.tag)
        uri, _, local = tag[1:].partition("}") if tag[:1] == "{" else ("", "", tag)
        if uri and KNOWN.get(userland(uri.lower())) is None:
            raise Unsure
        local = local.lower()
        if self.name(el) in HANDLERS or local in ("svg", "math"):
            raise Unsure  # feedparser would run that element's end handler, or keep namespaces
        attributes = self.attrs(el)  # also refuses duplicates after lower-casing
        if any(str(key).startswith("{") for key in el.keys()):
            raise Unsure  # namespaced attributes come out of feedparser twice
        self.lang(attributes, None)
        pieces.append(f"<{local}{''.join(f' {k}="{ft.escape_attribute(v)}"' for k, v in attributes.items())}>")
        if el.text:
            pieces.append(ft.escape_text(el.text))
        for child in el:
            self._xhtml_element(child, pieces)
        pieces.append(f"</{local}>")
        if el.tail:
            pieces.append(ft.escape_text(el.tail))


def _without_wrapping_div(pieces: list[str]) -> list[str]:
    # feedparser (mixin.pop) drops an outer <div> of Atom XHTML when everything else is
    # inside it; blank pieces at either end do not count.
    while len(pieces) > 1 and not pieces[-1].strip():
        pieces = pieces[:-1]
    while len(pieces) > 1 and not pieces[0].strip():
        pieces = pieces[1:]
    if not pieces or not (pieces[0] == "<div>" or pieces[0].startswith("<div ")) or pieces[-1] != "</div>":
        return pieces
    depth = 0
    for piece in pieces[:-1]:
        if piece.startswith("</"):
            depth -= 1
            if depth == 0:
                return pieces  # the div closes before the end: siblings follow it
        elif piece.startswith("<") and not piece.endswith("/>"):
            depth += 1
    return pieces[1:-1]


def _add_tag(tags: list[Ctx], term: str | None, scheme: str | None, label: str | None) -> None:
    if not term and not scheme and not label:
        return
    tag = {"term": term, "scheme": scheme, "label": label}
    if tag not in tags:
        tags.append(tag)


