"""Helpers shared by the XML parsers: children by local name, and body markup as HTML.

``Children`` finds an element's children by local name in one pass. ``plain_names`` and
``html_inside`` turn XML body markup (NITF ``body.content``, inline XHTML) into HTML text
for sanitizing; that text is not yet safe: pass it to ``sanitize.sanitize_body``. Pure.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree


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


def text_of(element: etree._Element | None) -> str:
    """All text inside ``element`` (descendants included), or ``""``."""
    if element is None:
        return ""
    if not len(element):
        return element.text or ""  # no children: the element's own text is all there is
    return "".join(str(t) for t in element.itertext())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
