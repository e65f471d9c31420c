"""Turn XML body markup (NITF ``body.content``, inline XHTML) into HTML text for sanitizing.

Shared by the XML parsers; pure. The result is not yet safe: pass it to
``sanitize.sanitize_body``.
"""

from __future__ import annotations

import copy

from lxml import etree


def _namespaced(node: etree._Element) -> bool:
    return (isinstance(node.tag, str) and "}" in node.tag) or any(str(k).startswith("{") for k in node.attrib)


def inner_html(element: etree._Element | None) -> str:
    """Serialize the children of ``element`` as HTML without XML namespaces.

    Namespaced tags and attributes (``xhtml:p``, ``xml:lang``) lose their prefix; HTML
    serialization writes ``<p></p>`` rather than ``<p/>``, which an HTML parser would
    read as an unclosed paragraph.
    """
    if element is None:
        return ""
    if any(_namespaced(e) for e in element.iter()):
        element = copy.deepcopy(element)
        for node in element.iter():
            if isinstance(node.tag, str) and "}" in node.tag:
                node.tag = node.tag.rpartition("}")[2]
            for key in [str(k) for k in node.attrib if str(k).startswith("{")]:
                value = str(node.attrib.pop(key))
                name = key.rpartition("}")[2]
                if name not in node.attrib:
                    node.set(name, value)
        etree.cleanup_namespaces(element)
    parts: list[str] = [_escape(element.text or "")]
    parts.extend(etree.tostring(child, encoding="unicode", method="html", with_tail=True) for child in element)
    return "".join(parts)


def text_of(element: etree._Element | None) -> str:
    """All text inside ``element`` (descendants included), or ``""``."""
    if element is None:
        return ""
    return "".join(str(t) for t in element.itertext())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
