"""What each element of an RSS or Atom feed means to the reader, by namespace and local name.

The formats share their element names, and feeds mix them, so one table serves all: RSS
0.90/0.91–0.94/2.0 (no namespace, or the userland and Harvard namespaces RSS 0.9x and 2.0
were published under), RSS 1.0 (``http://purl.org/rss/1.0/``), Atom 1.0 (RFC 4287), Atom 0.3
and its drafts, and the modules news feeds use: Dublin Core (``dc:creator``, ``dc:date``,
``dc:subject``…), DC terms, ``content:encoded`` (RSS 1.0 Content), XHTML ``body``, iTunes'
``summary``, ``author``, ``category`` and ``keywords``, and Media RSS ``category`` and
``keywords`` (in the item, or in its ``media:group`` or ``media:content``). Local names are
compared in lower case (``pubDate``, ``PubDate``). An element of a namespace not listed is
ignored — except in the document's default namespace, which is taken for the feed's own (an
Atom feed with a misspelt namespace is still read).

Media RSS ``<media:title>`` and ``<media:description>`` are deliberately absent: they
describe a media object (Media RSS 1.5.1, "Optional Elements"), never the entry. Its
categories and keywords are the entry's subjects, as they always were in Wiredesk.

Does not read anything: ``_feed_entries`` walks the tree with this table.
"""

from __future__ import annotations

from enum import Enum, auto
from typing import Final

from lxml import etree

ATOM_NS: Final = "http://www.w3.org/2005/Atom"
XML_NS: Final = "http://www.w3.org/XML/1998/namespace"
RDF_NS: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
# The feed's own elements: lower-cased namespace URIs whose elements are RSS or Atom.
CORE: Final = frozenset(
    {"", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", ATOM_NS.lower(),
     "http://purl.org/atom/ns#", "http://backend.userland.com/rss", "http://blogs.law.harvard.edu/tech/rss",
     "http://purl.org/rss/1.0/modules/rss091#", "http://example.com/newformat#", "http://example.com/necho",
     "http://purl.org/echo/", "uri/of/echo/namespace#", "http://purl.org/pie/"}
)  # fmt: skip
# Module namespaces read, by the prefix used in the table below.
MODULES: Final = {
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://www.w3.org/1999/xhtml": "xhtml",
    "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes",
    "http://example.com/dtds/podcast-1.0.dtd": "itunes",
    "http://search.yahoo.com/mrss/": "media",
    "http://search.yahoo.com/mrss": "media",  # Media RSS before 1.1.2
}


class Kind(Enum):
    """The role of an element in a feed or an entry."""

    CHANNEL = auto()  # RSS <channel>: its children are the feed's
    ENTRY = auto()  # RSS <item>, Atom <entry>
    TITLE = auto()
    DESCRIPTION = auto()  # RSS <description>: HTML unless said otherwise
    SUMMARY = auto()  # Atom <summary>: text unless said otherwise
    CONTENT = auto()  # Atom <content>: text unless said otherwise
    CONTENT_HTML = auto()  # <content:encoded>
    CONTENT_XHTML = auto()  # <xhtml:body>
    LINK = auto()
    ID = auto()  # RSS <guid>, Atom <id>
    AUTHOR = auto()  # RSS <author> text, Atom person, <dc:creator>
    PUBLISHED = auto()
    UPDATED = auto()
    CATEGORY = auto()  # RSS/Atom <category>, <dc:subject>, <media:category>
    KEYWORDS = auto()  # comma-separated: <itunes:keywords>, <media:keywords>
    ITUNES_CATEGORY = auto()  # <itunes:category text="…">, maybe nested
    MEDIA = auto()  # <media:group>, <media:content>: their categories and keywords are read
    RIGHTS = auto()
    LANGUAGE = auto()
    OTHER = auto()  # anything else: not read


_TABLE: Final = {
    "channel": Kind.CHANNEL,
    "item": Kind.ENTRY,
    "entry": Kind.ENTRY,
    "title": Kind.TITLE,
    "dc:title": Kind.TITLE,
    "description": Kind.DESCRIPTION,
    "dc:description": Kind.DESCRIPTION,
    "summary": Kind.SUMMARY,
    "abstract": Kind.SUMMARY,
    "itunes:summary": Kind.SUMMARY,
    "content": Kind.CONTENT,
    "content:encoded": Kind.CONTENT_HTML,
    "fullitem": Kind.CONTENT_HTML,
    "body": Kind.CONTENT_XHTML,
    "xhtml:body": Kind.CONTENT_XHTML,
    "link": Kind.LINK,
    "guid": Kind.ID,
    "id": Kind.ID,
    "author": Kind.AUTHOR,
    "managingeditor": Kind.AUTHOR,
    "dc:creator": Kind.AUTHOR,
    "dc:author": Kind.AUTHOR,
    "itunes:author": Kind.AUTHOR,
    # RSS 2.0 pubDate, Atom 1.0 published, Atom 0.3 issued
    "pubdate": Kind.PUBLISHED,
    "published": Kind.PUBLISHED,
    "issued": Kind.PUBLISHED,
    "dcterms:issued": Kind.PUBLISHED,
    # Atom 1.0 updated, Atom 0.3 modified; dc:date is the date of the last change
    "updated": Kind.UPDATED,
    "modified": Kind.UPDATED,
    "lastbuilddate": Kind.UPDATED,
    "dc:date": Kind.UPDATED,
    "dcterms:modified": Kind.UPDATED,
    "category": Kind.CATEGORY,
    "keywords": Kind.CATEGORY,
    "dc:subject": Kind.CATEGORY,
    "media:category": Kind.CATEGORY,
    "tags": Kind.KEYWORDS,
    "itunes:keywords": Kind.KEYWORDS,
    "media:keywords": Kind.KEYWORDS,
    "itunes:category": Kind.ITUNES_CATEGORY,
    "media:group": Kind.MEDIA,
    "media:content": Kind.MEDIA,
    "rights": Kind.RIGHTS,
    "copyright": Kind.RIGHTS,
    "dc:rights": Kind.RIGHTS,
    "language": Kind.LANGUAGE,
    "dc:language": Kind.LANGUAGE,
}
# tag → kind, for the tags of known namespaces met so far (an unknown namespace's meaning
# depends on the document: whether it is the default one); bounded, as tags come from
# untrusted feeds
_CACHE: dict[object, Kind] = {}
known: Final = _CACHE.get
"""``known(el.tag)``: the kind of a tag met before, else ``None`` (then ask ``kind``)."""


def kind(el: etree._Element) -> Kind:
    """The role of element ``el`` (``Kind.OTHER`` for anything the reader leaves alone)."""
    tag = el.tag
    if not isinstance(tag, str):
        return Kind.OTHER  # an entity reference
    cached = _CACHE.get(tag)
    if cached is not None:
        return cached
    if tag[0] == "{":
        uri, _, local = tag[1:].partition("}")
        lowered = uri.lower()
        if lowered in CORE or "backend.userland.com/rss" in lowered:
            name = local.lower()
        elif lowered in MODULES:
            name = f"{MODULES[lowered]}:{local.lower()}"
        else:  # unknown: the feed's own in the default namespace, else not read
            return _TABLE.get(local.lower(), Kind.OTHER) if el.prefix is None else Kind.OTHER
    else:
        name = tag.lower()
    found = _TABLE.get(name, Kind.OTHER)
    if len(_CACHE) < 4096:
        _CACHE[tag] = found
    return found
