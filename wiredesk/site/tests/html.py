"""XPath helpers for asserting on parsed pages (cssselect is not a dependency)."""

from __future__ import annotations

import lxml.html


def cls(name: str) -> str:
    """An XPath predicate: the element has the class ``name``."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def parse(content: bytes) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(content)


def all_(node: lxml.html.HtmlElement, xpath: str) -> list[lxml.html.HtmlElement]:
    return list(node.xpath(xpath))


def one(node: lxml.html.HtmlElement, xpath: str) -> lxml.html.HtmlElement:
    found = node.xpath(xpath)
    assert len(found) == 1, f"{xpath}: {len(found)} elements"
    return found[0]


def fragment_links(content: bytes) -> list[str]:
    """The story links of a ``fragment=1`` answer, in order."""
    items = [el for el in lxml.html.fragments_fromstring(content.decode()) if not isinstance(el, str)]
    return [str(el.xpath("./a/@href")[0]) for el in items if el.tag == "li"]


def fragment_more(content: bytes) -> str | None:
    items = [el for el in lxml.html.fragments_fromstring(content.decode()) if not isinstance(el, str)]
    found = [str(h) for el in items for h in el.xpath("descendant-or-self::a[@data-more]/@href")]
    return found[0] if found else None
