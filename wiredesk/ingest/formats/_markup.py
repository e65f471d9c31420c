"""Turn XML body markup (NITF ``body.content``, inline XHTML) into HTML text for sanitizing.

Shared by the XML parsers; pure. The result is not yet safe: pass it to
``sanitize.sanitize_body``.
"""

from __future__ import annotations

import copy

from lxml import etree


def inner_html(element: etree._Element | None) -> str:
    """Serialize the children of ``element`` as HTML-ish text without XML namespaces."""
    if element is None:
        return ""
    if any(isinstance(e.tag, str) and "}" in e.tag for e in element.iterdescendants()):
        element = copy.deepcopy(element)
        for node in element.iter():
            if isinstance(node.tag, str) and "}" in node.tag:
                node.tag = node.tag.rpartition("}")[2]
            for key in [k for k in node.attrib if k.startswith("{")]:
                value = node.attrib.pop(key)
                node.attrib.setdefault(key.rpartition("}")[2], value)
        etree.cleanup_namespaces(element)
    parts: list[str] = [_escape(element.text or "")]
    parts.extend(etree.tostring(child, encoding="unicode", with_tail=True) for child in element)
    return "".join(parts)


def text_of(element: etree._Element | None) -> str:
    """All text inside ``element`` (descendants included), or ``""``."""
    if element is None:
        return ""
    return "".join(element.itertext())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
