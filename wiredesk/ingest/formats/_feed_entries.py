"""Walk an RSS or Atom tree into the values stories are made of: one ``Entry`` per item.

RSS 2.0 items in a channel, RSS 1.0 and 0.90 items beside it (RDF), Atom 1.0 and 0.3 entries
in the feed. Per entry, in document order:

- title (``title``, ``dc:title``): the first one that is not empty;
- summary (RSS ``description``, Atom ``summary``, ``dc:description``): one; a second one
  before any content is the entry's content (feeds that send a short and a long
  description), a later one replaces the first;
- contents (Atom ``content``, ``content:encoded``, ``xhtml:body``), in order;
- link: RSS ``<link>`` text, or an Atom ``link`` whose ``rel`` is ``alternate`` (the default)
  and whose type is HTML (RFC 4287 §4.2.7), resolved against the base; the last one wins.
  A ``guid`` that is a permalink (RSS 2.0: "isPermaLink … true", the default) stands in
  for the link when none came before it, and only when it is an absolute http(s) URL;
- id: RSS ``guid``, Atom ``id``, RDF ``rdf:about``, always as written (never resolved);
- authors, dates (the last of each kind), categories, rights.

Each text construct is a ``Text``: its value, its media type and the ``xml:lang`` in
scope. A value is stripped; Atom ``mode="base64"`` is decoded; markup inside the element
(Atom ``type="xhtml"``, or HTML a feed forgot to escape) is written out as HTML, Atom 1.0's
wrapping ``div`` left out (RFC 4287 §3.1.1.3); entity references the document left
undeclared (RSS 0.91's DTD names HTML's) are read as HTML's; in RSS a "text" value that
looks like HTML is HTML (``_feed_text.looks_like_html``); relative links in HTML are
resolved and the markup written in one canonical form (``_feed_text.canonical_html``).

Does not build stories (``feed.py`` does), does not sanitize, does not parse bytes.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from typing import Final
from xml.sax.saxutils import escape

from lxml import etree

from wiredesk.ingest.formats import _feed_text as ft
from wiredesk.ingest.formats._feed_names import ATOM_NS, RDF_NS, XML_NS, Kind, kind, known

_XML_PREFIX: Final = f"{{{XML_NS}}}"
_RDF_ABOUT: Final = f"{{{RDF_NS}}}about"
_NO_ATTRIBUTES: Final[dict[str, str]] = {}
_LOCAL_NAMES: dict[object, str] = {}  # attribute name → lower-case local name, for the names met so far
# A URL a browser opens: what a permalink guid must be to stand in for a missing link.
ABSOLUTE_LINK: Final = re.compile(r"^https?://\S+$", re.I)
_CONTENT_TYPES: Final = {Kind.CONTENT: "text/plain", Kind.CONTENT_HTML: "text/html", Kind.CONTENT_XHTML: ft.XHTML}
_QUERY_REF: Final = re.compile("&([A-Za-z0-9_]+);")


@dataclass(slots=True)
class Text:
    """A text construct: ``value`` of media type ``type`` (``text/plain``, ``text/html`` …) in ``language``."""

    value: str
    type: str
    language: str


@dataclass(slots=True)
class Entry:
    """What one RSS item or Atom entry says, before it becomes a story."""

    id: str = ""
    title: Text | None = None
    summary: Text | None = None
    contents: list[Text] = field(default_factory=list)
    link: str | None = None  # None: no link element at all
    authors: list[str] = field(default_factory=list)  # as written: "a@b.example (Name)", a person's name
    published: str = ""
    updated: str = ""
    categories: list[tuple[str, str]] = field(default_factory=list)  # (term, label)
    rights: Text | None = None


@dataclass(slots=True)
class Feed:
    """The feed's own values (``format`` is ``rss`` or ``atom``) and its entries in order."""

    format: str
    title: Text | None = None
    rights: Text | None = None
    authors: list[str] = field(default_factory=list)
    language: str = ""
    entries: list[Entry] = field(default_factory=list)


def read_feed(root: etree._Element, url: str) -> Feed:
    """The feed whose root element is ``root``, fetched from ``url`` (the base when http(s))."""
    tag = root.tag if isinstance(root.tag, str) else ""
    local = tag.rpartition("}")[2].lower()
    reader = _Reader("atom" if local == "feed" else "rss", atom10=tag == f"{{{ATOM_NS}}}feed")
    attrs = _attributes(root)
    base = url if url.startswith(("http://", "https://")) else ""
    lang, base = _scope(attrs, None, base)
    if lang:
        reader.feed.language = lang
    reader.channel(root, lang, base)
    return reader.feed


def _attributes(el: etree._Element) -> dict[str, str]:
    """``el``'s attributes by lower-case local name (``xml:lang`` → ``lang``, ``isPermaLink`` → ``ispermalink``)."""
    items = el.items()
    if not items:
        return _NO_ATTRIBUTES
    result: dict[str, str] = {}
    for key, value in items:
        name = _LOCAL_NAMES.get(key)
        if name is None:
            name = str(key)
            name = name[name.rfind("}") + 1 :].lower()
            if len(_LOCAL_NAMES) < 4096:  # names come from untrusted feeds: bounded
                _LOCAL_NAMES[key] = name
        if name not in result:
            result[name] = str(value)
    return result


def _scope(attrs: dict[str, str], lang: str | None, base: str) -> tuple[str | None, str]:
    """The language and base URI inside an element with ``attrs`` (``xml:lang=""``: no language)."""
    if "lang" in attrs:
        lang = attrs["lang"] or None
    if "base" in attrs:
        base = ft.join_base(base, attrs["base"])
    return lang, base


class _Reader:
    def __init__(self, fmt: str, *, atom10: bool) -> None:
        self.feed = Feed(fmt)
        self.atom10 = atom10

    def channel(self, parent: etree._Element, lang: str | None, base: str) -> None:
        """The feed-level children of ``parent`` (the root, or an RSS channel)."""
        feed = self.feed
        for child in parent:
            role = known(child.tag) or kind(child)
            if role is Kind.OTHER:
                continue
            attrs = _attributes(child)
            child_lang, child_base = _scope(attrs, lang, base) if attrs else (lang, base)
            if role is Kind.ENTRY:
                self.entry(child, child_lang, child_base)
            elif role is Kind.CHANNEL:
                self.channel(child, child_lang, child_base)
            elif role is Kind.TITLE:
                if feed.title is None or not feed.title.value:
                    feed.title = self.text(child, attrs, "text/plain", child_lang, child_base)
            elif role is Kind.RIGHTS:
                feed.rights = self.text(child, attrs, "text/plain", child_lang, child_base)
            elif role is Kind.AUTHOR:
                feed.authors.append(_author(child))
            elif role is Kind.LANGUAGE:
                feed.language = _plain(child)

    def entry(self, el: etree._Element, lang: str | None, base: str) -> None:
        entry = Entry(id=el.get(_RDF_ABOUT, "").strip())
        self.feed.entries.append(entry)
        has_content = False
        for child in el:
            role = known(child.tag) or kind(child)
            if role is Kind.OTHER:
                continue
            attrs = _attributes(child)
            child_lang, child_base = _scope(attrs, lang, base) if attrs else (lang, base)
            if role is Kind.TITLE:
                if entry.title is None or not entry.title.value:
                    entry.title = self.text(child, attrs, "text/plain", child_lang, child_base)
            elif role is Kind.DESCRIPTION or role is Kind.SUMMARY:
                if entry.summary is not None and not has_content:
                    # a second description before any content is the content
                    entry.contents.append(self.text(child, attrs, "text/plain", child_lang, child_base))
                    has_content = True
                else:
                    default = "text/html" if role is Kind.DESCRIPTION else "text/plain"
                    entry.summary = self.text(child, attrs, default, child_lang, child_base)
            elif role is Kind.CONTENT or role is Kind.CONTENT_HTML or role is Kind.CONTENT_XHTML:
                default = _CONTENT_TYPES[role]
                entry.contents.append(self.text(child, attrs, default, child_lang, child_base))
                has_content = True
            elif role is Kind.LINK:
                _link(child, attrs, child_base, entry)
            elif role is Kind.ID:
                _guid(child, attrs, entry)
            elif role is Kind.AUTHOR:
                entry.authors.append(_author(child))
            elif role is Kind.PUBLISHED:
                entry.published = _plain(child)
            elif role is Kind.UPDATED:
                entry.updated = _plain(child)
            elif role is Kind.CATEGORY:
                _category(child, attrs, entry)
            elif role is Kind.KEYWORDS or role is Kind.ITUNES_CATEGORY or role is Kind.MEDIA:
                _subjects(child, role, entry)
            elif role is Kind.RIGHTS:
                entry.rights = self.text(child, attrs, "text/plain", child_lang, child_base)
            elif role is Kind.ENTRY:
                self.entry(child, child_lang, child_base)  # only in a tree recovered from broken XML

    def text(self, el: etree._Element, attrs: dict[str, str], default: str, lang: str | None, base: str) -> Text:
        """The text construct ``el`` (RFC 4287 §3.1; RSS title and description)."""
        content_type = ft.map_type(attrs["type"]) if "type" in attrs else default
        xml = content_type.endswith("xml")
        if "src" in attrs:
            value = ""  # out-of-line content (RFC 4287 §4.1.3.2): nothing to read here
        elif not len(el):
            value = el.text or ""
            if content_type == ft.XHTML:
                value = escape(value)
        else:
            # Atom 1.0's div wraps XHTML content (§3.1.1.3); feeds also wrap escaped HTML in one
            value, markup = _mixed(el, content_type == ft.XHTML, self.atom10 if xml else True)
            if markup and not xml:
                content_type = ft.XHTML  # markup the feed did not escape: read as XHTML
        value = value.strip()
        if attrs.get("mode") == "base64" or not (content_type.startswith("text/") or xml):
            value = _base64(value)  # Atom 0.3 §3.1.2 mode="base64"; Atom 1.0 §4.1.3.3 other media types
        if content_type == "text/plain" and self.feed.format == "rss" and ft.looks_like_html(value):
            content_type = "text/html"
        if content_type in ft.HTML_TYPES:
            value = ft.canonical_html(value, base, xhtml=content_type == ft.XHTML)
        return Text(ft.fix(value), content_type, lang.replace("_", "-") if lang else "")


def _plain(el: etree._Element) -> str:
    """The text of a simple element, stripped: its own text and entity references, not its children's."""
    value = (el.text or "") if not len(el) else "".join(_texts(el))
    return ft.fix(value.strip())


def _texts(el: etree._Element) -> list[str]:
    pieces = [el.text or ""]
    for child in el:
        if isinstance(child, etree._Entity):
            pieces.append(ft.entity_text(str(child.text)[1:-1]))
        pieces.append(child.tail or "")
    return pieces


def _mixed(el: etree._Element, escaped: bool, unwrap: bool) -> tuple[str, bool]:
    """The content of ``el`` as a string, and whether it holds elements (then it is markup).

    Only entity references among the children: their text, escaped when ``escaped``. A
    single ``div`` around everything is left out when ``unwrap``; what it holds is text when
    it holds no element (escaped HTML in a div, as TypePad sent it). Elements: XHTML markup.
    """
    children = list(el)
    if not any(isinstance(child.tag, str) for child in children):
        text = "".join(_texts(el))
        return (escape(text) if escaped else text), False
    pieces: list[str] = []
    only = children[0]
    if (
        unwrap
        and len(children) == 1
        and isinstance(only.tag, str)
        and only.tag.rpartition("}")[2].lower() == "div"
        and not (el.text or "").strip()
        and not (only.tail or "").strip()
    ):
        if not escaped and not any(isinstance(child.tag, str) for child in only):
            return "".join(_texts(only)), False
        _markup_content(only, pieces)
    else:
        _markup_content(el, pieces)
    return "".join(pieces), True


def _markup_content(el: etree._Element, pieces: list[str]) -> None:
    if el.text:
        pieces.append(escape(el.text))
    for child in el:
        if isinstance(child, etree._Entity):
            pieces.append(escape(ft.entity_text(str(child.text)[1:-1])))
        elif isinstance(child.tag, str):
            _markup_element(child, pieces)
        if child.tail:
            pieces.append(escape(child.tail))


def _markup_element(el: etree._Element, pieces: list[str]) -> None:
    name = str(el.tag).rpartition("}")[2].lower()
    attributes = "".join(
        f' {key.rpartition("}")[2].lower()}="{escape(value, {chr(34): "&quot;"})}"'
        for key, value in ((str(k), str(v)) for k, v in el.items())
        if not key.startswith(_XML_PREFIX)
    )
    if name in ft.VOID_ELEMENTS and not len(el) and not el.text:
        pieces.append(f"<{name}{attributes} />")
        return
    pieces.append(f"<{name}{attributes}>")
    _markup_content(el, pieces)
    pieces.append(f"</{name}>")


def _base64(value: str) -> str:
    try:
        return base64.decodebytes(value.encode("utf-8")).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return value  # not base64 after all: kept as written


def _link(el: etree._Element, attrs: dict[str, str], base: str, entry: Entry) -> None:
    href = attrs.get("url") or attrs.get("uri") or attrs.get("href")
    if href is not None:
        rel = attrs.get("rel", "alternate").lower()
        default = "application/atom+xml" if rel == "self" else "text/html"
        if rel == "alternate" and ft.map_type(attrs.get("type", default)) in ft.HTML_TYPES:
            entry.link = ft.resolve(base, href.strip())
        return
    value = _plain(el)
    if value:
        value = ft.resolve(base, value)
    # an "&amp;" or "&name;" left in a link's text is a query string escaped once too often
    entry.link = _QUERY_REF.sub(r"&\1", value.replace("&amp;", "&"))


def _guid(el: etree._Element, attrs: dict[str, str], entry: Entry) -> None:
    # the id as written, never resolved against the feed's address; a permalink guid is
    # the link only when nothing else is and it is a URL a browser opens (RSS 2.0 <guid>)
    value = _plain(el)
    entry.id = value
    if attrs.get("ispermalink", "true") == "true" and entry.link is None and ABSOLUTE_LINK.match(value):
        entry.link = value


def _author(el: etree._Element) -> str:
    """An author as written: RSS text (``a@b.example (Name)``) or an Atom person's name (RFC 4287 §3.2)."""
    if not any(isinstance(child.tag, str) for child in el):
        return _plain(el)
    for child in el:
        if isinstance(child.tag, str) and child.tag.rpartition("}")[2].lower() == "name":
            return _plain(child)
    return ""


def _subjects(el: etree._Element, role: Kind, entry: Entry) -> None:
    """Keywords (comma-separated), iTunes categories (``text``, nested) and a Media RSS
    container's categories and keywords, in document order."""
    if role is Kind.KEYWORDS:
        entry.categories.extend((term.strip(), "") for term in _plain(el).split(",") if term.strip())
        return
    for node in el.iter():
        inner = kind(node)
        if inner is Kind.ITUNES_CATEGORY and (term := (node.get("text") or "").strip()):
            entry.categories.append((term, ""))
        elif inner is Kind.CATEGORY and node is not el:
            _category(node, _attributes(node), entry)
        elif inner is Kind.KEYWORDS:
            _subjects(node, inner, entry)


def _category(el: etree._Element, attrs: dict[str, str], entry: Entry) -> None:
    # RSS 2.0: the text is the category, "domain" its taxonomy; Atom: term and label
    term = attrs.get("term", "").strip() or _plain(el)
    label = attrs.get("label", "").strip()
    if term or label:
        entry.categories.append((term, label))
