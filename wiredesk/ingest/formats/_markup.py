"""Helpers shared by the parsers: children by local name, text of mixed content, body markup.

``Children`` finds an element's children by local name in one pass. ``line_text`` reads
a metadata element (byline, dateline, headline) as one line of words. ``plain_names`` and
``html_inside`` turn XML body markup (NITF ``body.content``, inline XHTML) into HTML text
for sanitizing; that text is not yet safe: pass it to ``sanitize.sanitize_body``.
``looks_like_html`` tells a "plain text" body that really holds HTML markup. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from lxml import etree

from wiredesk.text import INLINE_TAGS

# Elements inside a sentence (HTML phrasing content, NITF's emphasis and quotes): their
# start and end are not word boundaries. Every other element — NITF person, byttl, org,
# city, p …, XHTML p, div, li … — is a part of its own, kept apart from its neighbours by
# a space even when the XML has none between them (``<byttl>By</byttl><person>…``).
_INLINE: Final = INLINE_TAGS | {"lang", "pronounce"}
# Elements whose text is code, never words (XHTML inside agency XML).
_CODE: Final = frozenset({"script", "style", "template", "noscript"})
_BOUNDARY: Final = "\x1f"  # a unit separator no XML text can hold (XML 1.0 §2.2)
_BOUNDARY_BEFORE_PUNCTUATION: Final = re.compile("\x1f+(?=[,.;:!?)\\]}'’])")
_BOUNDARY_AFTER_OPENING: Final = re.compile("(?<=[(\\[{‘])\x1f+")
# The element names of HTML (HTML Living Standard, index of elements, with the obsolete
# ones agencies' editors still write): a "text/plain" body whose every tag is one of these
# is markup, whatever it holds — script included, which the sanitizer then drops.
_HTML_ELEMENTS: Final = frozenset(
    """a abbr acronym address area article aside audio b bdi bdo big blockquote body br button canvas caption
    center cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption
    figure font footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li
    link main map mark menu meta meter nav noscript object ol optgroup option output p picture pre progress q rp
    rt ruby s samp script search section select small source span strike strong style sub summary sup table tbody
    td template textarea tfoot th thead time title tr track tt u ul var video wbr""".split()
)
_TAG: Final = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>")
_BLOCK_MARKUP: Final = re.compile(r"</(?:p|div|h[1-6]|li|blockquote|table|pre)\s*>|<br\s*/?>", re.I)


class Children:
    """The child elements of one element, grouped by local name, each group in document order.

    Elements are matched by local name, whatever their namespace (or none). Comments and
    processing instructions are not children here. Built in one pass over the children,
    so that looking up many names costs little; it does not see later changes to the tree.
    """

    __slots__ = ("_groups",)

    def __init__(self, element: etree._Element | None) -> None:
        groups: dict[str, list[etree._Element]] = {}
        children = [] if element is None else element
        for node in children:
            tag = node.tag
            if not isinstance(tag, str):
                continue  # a comment or processing instruction
            name = tag.rpartition("}")[2]
            group = groups.get(name)
            if group is None:
                groups[name] = [node]
            else:
                group.append(node)
        self._groups = groups

    def all(self, name: str) -> Sequence[etree._Element]:
        """The children named ``name`` (an empty list when there are none)."""
        return self._groups.get(name, [])

    def first(self, name: str) -> etree._Element | None:
        """The first child named ``name``, or ``None``."""
        found = self._groups.get(name)
        return found[0] if found else None


def plain_names(node: etree._Element) -> None:
    """Drop the namespaces of one element's tag and attributes, in place (``xhtml:p`` → ``p``).

    Comments and processing instructions are left as they are. Does not touch the
    children. See ``plain_attributes`` for the attributes.
    """
    tag = node.tag
    if not isinstance(tag, str):
        return
    if "}" in tag:
        node.tag = tag.rpartition("}")[2]
    plain_attributes(node)


def plain_attributes(node: etree._Element) -> None:
    """Drop the namespaces of one element's attributes, in place (``xml:lang`` → ``lang``).

    A namespaced attribute keeps its value under its local name unless the element already
    has an attribute of that name (``xml:lang`` beside ``lang``: ``lang`` stays).
    """
    attrib = node.attrib
    if not attrib:
        return
    for key in [str(k) for k in attrib if str(k).startswith("{")]:
        value = str(attrib.pop(key))
        name = key.rpartition("}")[2]
        if name not in attrib:
            node.set(name, value)


def html_inside(element: etree._Element) -> str:
    """Serialize the text and children of ``element`` as HTML; ``element`` is used up.

    For a tree the caller may change (a copy, or one it parsed itself) in which
    ``plain_names`` has already been applied to every element. HTML serialization writes
    ``<p></p>`` rather than ``<p/>``, which an HTML parser would read as an unclosed
    paragraph. ``element`` is taken out of its parent, renamed, and loses its attributes
    and text, so that its subtree is serialized in one call and its own start and end tags
    cut off; its text is escaped here instead.
    """
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)  # else the declarations of its ancestors would be written on it
    # No element uses a namespace any more: this removes every xmlns declaration, so none
    # is written on the start tag cut off below.
    etree.cleanup_namespaces(element)
    text = element.text or ""
    element.text = None
    element.tag = "div"
    element.attrib.clear()
    markup = etree.tostring(element, encoding="unicode", method="html", with_tail=False)
    return _escape(text) + markup.removeprefix("<div>").removesuffix("</div>")


def line_text(element: etree._Element | None) -> str:
    """The words inside ``element`` on one line: parts kept apart, code left out, blanks collapsed.

    Each child element that is not inline (see ``_INLINE``) is a separate part: a space
    goes between it and its neighbours unless punctuation already separates them
    (``<person>Smith</person>, AP``, ``(<org>AP</org>)``). Text of script and style elements is left out;
    comments and processing instructions give nothing but their tail. Entities are
    already decoded by the XML parser; no markup is interpreted in the text itself.
    """
    if element is None:
        return ""
    if not len(element):
        return " ".join((element.text or "").split())  # no children: the usual case
    parts: list[str] = []
    _collect(element, parts)
    joined = "".join(parts)
    # a part boundary is a space, unless punctuation already separates the words
    joined = _BOUNDARY_BEFORE_PUNCTUATION.sub("", joined)
    joined = _BOUNDARY_AFTER_OPENING.sub("", joined)
    return " ".join(joined.replace(_BOUNDARY, " ").split())


def _collect(element: etree._Element, parts: list[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        tag = child.tag
        if isinstance(tag, str):
            name = tag.rpartition("}")[2].lower()
            if name not in _CODE:
                spaced = name not in _INLINE
                if spaced:
                    parts.append(_BOUNDARY)
                _collect(child, parts)
                if spaced:
                    parts.append(_BOUNDARY)
        if child.tail:
            parts.append(child.tail)


def looks_like_html(text: str) -> bool:
    """Whether ``text``, sent as plain text, clearly is HTML markup (and is to be read as HTML).

    Clearly means: every tag in it names an HTML element, and it has block structure — a
    closed paragraph, heading, list item, quote, table or ``<br>``. Prose that mentions a
    tag ("the <p> element") or uses angle brackets ("a < b > c") is not.
    """
    if "<" not in text:
        return False
    names = [match.group(2).lower() for match in _TAG.finditer(text)]
    if not names or any(name not in _HTML_ELEMENTS for name in names):
        return False
    return _BLOCK_MARKUP.search(text) is not None


def drop_element(node: etree._Element) -> None:
    """Remove ``node`` (and what it holds) from its tree, keeping the text that follows it."""
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def text_of(element: etree._Element | None) -> str:
    """All text inside ``element`` (descendants included), or ``""``."""
    if element is None:
        return ""
    if not len(element):
        return element.text or ""  # no children: the element's own text is all there is
    return "".join(str(t) for t in element.itertext())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
