"""Read the body of one NewsML-G2 news item from its ``contentSet``: inline NITF, XHTML or text.

Helpers of ``newsml_g2``; pure. ``read_body`` takes the item's renditions in document order
and returns the first it can read as text (NewsML-G2 XSD, contentSet: "a set of alternate
renditions of the Item content"), with what the body itself says about the story — a
NITF ``hedline`` or ``head/title``, an XHTML ``<title>``, ``<h1>`` or ``<header>`` — for
the item metadata to fall back on.

- ``inlineXML`` holding NITF: ``body.content`` is the body; ``body.head`` (hedline, byline,
  abstract) and ``head/title`` are fallbacks.
- ``inlineXML`` holding XHTML: the ``<body>``. An ``<h1>`` repeating the headline moves out
  of the body; the item's introductory ``<header>`` (HTML Living Standard §4.3.8: "a group
  of introductory or navigational aids") moves out as a whole, its parts read by
  ``_g2_header``.
- ``inlineData`` that is ``text/plain``: escaped text in paragraphs — unless it clearly holds
  HTML markup (``_markup.looks_like_html``), as agencies that label HTML bodies text/plain
  send it: then it is read as HTML, and a note says so. Readers would otherwise see "<p>".
  ``inlineData`` of an HTML type is HTML.

Does not fetch ``remoteContent``, decode encoded ``inlineData`` (base64 …) or read media.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Final

from lxml import etree

from wiredesk.ingest.formats._g2_header import Header, read_header
from wiredesk.ingest.formats._g2_meta import child, text
from wiredesk.ingest.formats._markup import Children, drop_element, html_inside, looks_like_html, plain_names
from wiredesk.ingest.sanitize import sanitize_body, text_to_html
from wiredesk.ingest.xmlsafe import local_name

TEXT_WITH_HTML_NOTE: Final = "text/plain inlineData held HTML markup; read as HTML"


@dataclass(frozen=True, slots=True)
class Body:
    """What the chosen rendition gave: sanitized HTML and the fallbacks found inside it."""

    html: str = ""
    headline: str = ""
    subheadline: str = ""
    byline: str = ""
    abstract: str = ""
    header: Header = Header()
    notes: tuple[str, ...] = ()


def read_body(renditions: list[etree._Element], headline: str) -> Body:
    """The first rendition readable as text (``headline``: the item's, to tell a title h1)."""
    for rendition in renditions:
        kind = local_name(rendition)
        contenttype = (rendition.get("contenttype") or "").lower()
        body: Body | None = None
        if kind == "inlineXML":
            body = _from_inline_xml(rendition, contenttype, headline)
        elif kind == "inlineData" and not (rendition.get("encoding") or rendition.get("encodinguri")):
            body = _from_inline_data(rendition.text or "", contenttype)
        # remoteContent points at the content elsewhere: parsers never fetch.
        if body is not None and (body.html or body.headline):
            return body
    return Body()


def _from_inline_data(data: str, contenttype: str) -> Body | None:
    if contenttype in ("", "text/plain") or contenttype.startswith("text/plain;"):
        if looks_like_html(data):
            return Body(html=sanitize_body(data), notes=(TEXT_WITH_HTML_NOTE,))
        return Body(html=sanitize_body(text_to_html(data)))
    if "html" in contenttype:
        return Body(html=sanitize_body(data))
    return None


def _from_inline_xml(rendition: etree._Element, contenttype: str, headline: str) -> Body | None:
    root = next((node for node in rendition if isinstance(node.tag, str)), None)
    if root is None:
        return None
    name = local_name(root)
    if name == "nitf" or (name.startswith("body") and "nitf" in contenttype):
        return _from_nitf(root)
    if name in ("html", "body") or "html" in contenttype:
        return _from_xhtml(rendition, root, headline)
    return None


def _from_nitf(root: etree._Element) -> Body:
    # NITF 3.x: nitf/head/title and nitf/body/(body.head, body.content, body.end). Only the
    # parts a G2 wrapper leaves to NITF are read here; the item metadata comes from the
    # G2 envelope.
    name = local_name(root)
    body = Children(child(root, "body") if name == "nitf" else root)
    content = root if name == "body.content" else body.first("body.content")
    head = Children(body.first("body.head"))
    hedline = head.first("hedline")
    if hedline is None:
        hedline = head.first("headline")  # NITF before 3.0, still sent (AP)
    headlines = Children(hedline)
    html = ""
    if content is not None:
        content = copy.deepcopy(content)
        # media: a picture reference, its caption alone is noise in the body; the text
        # after it stays ("{*}": any namespace or none)
        etree.strip_elements(content, "{*}media", with_tail=False)
        for node in content.iter("{*}*"):
            if local_name(node) in ("hl1", "hl2"):
                node.tag = "h2"
            plain_names(node)
        html = sanitize_body(html_inside(content))
    # NITF: head/title is "the title of the document"; hl1 in the body head wins over it
    title = text(child(child(root, "head"), "title")) if name == "nitf" else ""
    return Body(
        html=html,
        headline=text(headlines.first("hl1")) or title,
        subheadline=text(headlines.first("hl2")),
        byline=text(head.first("byline")),
        abstract=text(head.first("abstract")),
    )


def _from_xhtml(rendition: etree._Element, root: etree._Element, headline: str) -> Body:
    # XHTML (application/xhtml+xml; agencies also write text/html, xhtml/xml and
    # application/xhtml+html): html/head/title and html/body.
    name = local_name(root)
    head = child(root, "head") if name == "html" else None
    body = child(root, "body") if name == "html" else root if name == "body" else rendition
    if body is None:
        return Body()
    body = copy.deepcopy(body)
    header = read_header(body)  # also takes the introductory <header> out of the body
    title = text(child(head, "title"))
    known = headline or title or header.headline
    found = ""
    for node in list(body.iter("{*}*")):
        if local_name(node) == "h1":
            value = text(node)
            # An h1 repeating the headline (or standing in for a missing one) is the
            # document title: it moves out of the body. Any other h1 is a heading; the
            # page has one h1.
            is_title = value in (headline, title, header.headline) or not (found or known)
            if value and is_title:
                found = found or value
                drop_element(node)
                continue
            node.tag = "h2"
        plain_names(node)
    return Body(
        html=sanitize_body(html_inside(body)),
        headline=title or header.headline or found,
        subheadline=header.subheadline,
        byline=header.byline,
        abstract=header.abstract,
        header=header,
        notes=header.notes,
    )

