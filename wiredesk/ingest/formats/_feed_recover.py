"""Read a feed that is not well-formed XML: repair the usual mistakes, else let libxml2 recover.

Feeds break XML in a few ways over and over: a bare ``&`` ("Bakers & Millers"), HTML's
entity names (``&nbsp;``, ``&eacute;``) with no DTD declaring them, a ``<`` in text, control
characters XML 1.0 forbids (§2.2), an XML declaration after a comment, HTML's ``<br>`` left
open, a namespace prefix (``dc:``, ``media:``) used without its declaration. ``parse_broken``
decodes the bytes, repairs exactly these outside CDATA sections and comments, and parses
the result strictly. What is still not well-formed is parsed by libxml2 in recover mode,
which keeps what it can: ``feed.py`` then reads whatever entries came through, and refuses
the payload if none did.

Safety is that of ``xmlsafe``: a document that declares entities is refused (XML bombs,
XXE), nothing is loaded or fetched, no entity is expanded. Characters: a byte-order mark,
else the declared encoding (Latin-1 and Windows-1252 declarations on bytes that are UTF-8
are UTF-8; a name no codec has is no declaration), else UTF-8, else Windows-1252. Does not
read the feed itself.
"""

from __future__ import annotations

import codecs
import html.entities
import re
from typing import Final

from lxml import etree

from wiredesk.ingest import xmlsafe
from wiredesk.ingest.exceptions import ParseError, UnsafeXML

_RECOVER: Final = etree.XMLParser(
    recover=True, resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True,
    remove_pis=True, huge_tree=True,
)  # fmt: skip
_DECLARATION: Final = re.compile(r"<\?xml\b[^>]*?\?>")
_UTF8_DECLARATION: Final = b'<?xml version="1.0" encoding="utf-8"?>\n'
_ENCODING: Final = re.compile(rb"<\?xml\b[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_LATIN1_OR_UTF8: Final = frozenset(
    {"", "utf-8", "utf8", "iso-8859-1", "latin-1", "latin1", "iso8859-1", "l1", "us-ascii", "ascii",
     "windows-1252", "cp1252"}
)  # fmt: skip
_BOMS: Final = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip
_FORBIDDEN: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_AMPERSAND: Final = re.compile(r"&(?:(#[0-9]+|#[xX][0-9A-Fa-f]+)|([A-Za-z_][\w.-]*));|&")
_LESS_THAN: Final = re.compile(r"<(?![A-Za-z_:/!?])")
_VOID_OPEN: Final = re.compile(r"<(br|hr|img)\b([^<>]*?)\s*/?>", re.I)
_VOID_CLOSE: Final = re.compile(r"</(?:br|hr|img)\s*>", re.I)
_PREFIX_USED: Final = re.compile(r"</?([A-Za-z_][\w.-]*):[A-Za-z_]|\s([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\s*=")
_PREFIX_DECLARED: Final = re.compile(r"xmlns:([A-Za-z_][\w.-]*)\s*=")
_ROOT_NAME: Final = re.compile(r"<[A-Za-z_][\w.:-]*")
_FRAGMENT: Final = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_CONSTRUCT_TAG: Final = re.compile(
    r"<(/?)((?:[A-Za-z_][\w.-]*:)?(?:description|encoded|summary|content|title))(\s[^<>]*)?>", re.I
)
_TAG_START: Final = re.compile(r"<[A-Za-z/]")
_ENTRY_START: Final = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>/]", re.I)
_ENTRY_END: Final = re.compile(r"</(?:[A-Za-z_][\w.-]*:)?(?:item|entry)\s*>", re.I)
_XML_ENTITIES: Final = frozenset({"lt", "gt", "amp", "quot", "apos"})
# what feeds mean by these prefixes when they forget to declare them
_KNOWN_PREFIXES: Final = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "atom": "http://www.w3.org/2005/Atom",
    "media": "http://search.yahoo.com/mrss/",
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def parse_broken(data: bytes, problem: ParseError) -> tuple[etree._Element, bool]:
    """The root of the feed ``data``, which ``xmlsafe.parse_xml`` refused with ``problem``, and
    whether it needed repairs (``False``: well-formed in an encoding only Python knows, such
    as ``cp850`` or ``windows_1252``).

    Raises ``UnsafeXML`` for entity declarations and ``problem`` when nothing is left.
    """
    text = _decode(data)
    root = _root_start(text)
    if "<!ENTITY" in text[:root]:  # (xmlsafe has refused these already; checked again as this reads them)
        raise UnsafeXML(
            "The XML declares entities or external references, which Wiredesk refuses "
            "(they are how XML bombs and XXE attacks work)."
        )
    as_utf8 = _UTF8_DECLARATION + _DECLARATION.sub("", text[:root], count=1).lstrip().encode() + text[root:].encode()
    try:
        return xmlsafe.parse_xml(as_utf8), False
    except UnsafeXML:
        raise
    except ParseError:
        pass
    repaired = _UTF8_DECLARATION + _repair(text[root:]).encode("utf-8")
    try:
        return xmlsafe.parse_xml(repaired), True
    except UnsafeXML:
        raise
    except ParseError:
        pass
    try:
        tree = etree.fromstring(repaired, _RECOVER)
    except etree.XMLSyntaxError:
        tree = None
    if tree is None:
        raise problem
    _drop_cut_entry(tree, text)
    return tree, True


def _drop_cut_entry(root: etree._Element, text: str) -> None:
    """Leave out the last entry when the document breaks off inside it (libxml2 closes it)."""
    starts = [m.start() for m in _ENTRY_START.finditer(text)]
    ends = [m.start() for m in _ENTRY_END.finditer(text)]
    if not starts or (ends and ends[-1] > starts[-1]):
        return
    entries = [el for el in root.iter() if isinstance(el.tag, str) and _local(el.tag) in ("item", "entry")]
    if entries and (parent := entries[-1].getparent()) is not None:
        parent.remove(entries[-1])


def _local(tag: str) -> str:
    return tag.rpartition("}")[2].rpartition(":")[2].lower()


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, "replace")
    match = _ENCODING.search(data[:1024])
    declared = match.group(1).decode("ascii").lower() if match else ""
    if declared not in _LATIN1_OR_UTF8:
        try:
            return data.decode(declared, "replace")
        except LookupError:
            pass  # a name no codec has ("bogus"): read as if there were none
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _root_start(text: str) -> int:
    """Where the root element starts: after the declaration, comments, PIs and the DOCTYPE."""
    position = 0
    while (position := text.find("<", position)) >= 0:
        if text.startswith("<!--", position):
            end = text.find("-->", position + 4)
            position = end + 3 if end >= 0 else len(text)
        elif text.startswith("<?", position):
            end = text.find("?>", position + 2)
            position = end + 2 if end >= 0 else len(text)
        elif text.startswith("<!", position):  # DOCTYPE, with its internal subset in brackets
            bracket, close = text.find("[", position), text.find(">", position)
            if 0 <= bracket < close:
                close = text.find(">", max(text.find("]", bracket), bracket))
            position = close + 1 if close >= 0 else len(text)
        else:
            return position
    return len(text)


def _repair(text: str) -> str:
    """``text`` from its root element on, with the usual mistakes repaired (see the module)."""
    parts = _literal_split(_wrap_markup(_FORBIDDEN.sub("", text)))
    for i in range(0, len(parts), 2):  # the odd parts are CDATA sections and comments
        part = _AMPERSAND.sub(_reference, parts[i])
        part = _LESS_THAN.sub("&lt;", part)
        parts[i] = _VOID_CLOSE.sub("", _VOID_OPEN.sub(r"<\1\2/>", part))
    return _declare_prefixes("".join(parts), parts[0::2])


def _literal_split(text: str) -> list[str]:
    """``text`` cut into markup and, at odd indexes, the CDATA sections and comments in it."""
    parts, position = [], 0
    cdata, comment = text.find("<![CDATA["), text.find("<!--")
    while True:
        if 0 <= cdata < position:
            cdata = text.find("<![CDATA[", position)
        if 0 <= comment < position:
            comment = text.find("<!--", position)
        start = min(i for i in (cdata, comment, len(text)) if i >= 0)
        end = text.find("]]>" if start == cdata else "-->", start + 4) if start < len(text) else -1
        if end < 0:
            break  # none left, or one left open: the rest is markup
        parts += [text[position:start], text[start : end + 3]]
        position = end + 3
    return [*parts, text[position:]]


def _wrap_markup(text: str) -> str:
    """HTML a feed forgot to escape ("<description><p>a<br>b</description>"), when it is not
    well-formed, as a CDATA section: read as HTML, and no longer in the way of the XML."""
    opened: dict[str, re.Match[str]] = {}
    wrapped: list[tuple[int, int, str]] = []  # (start, end, replacement) of inner texts
    for tag in _CONSTRUCT_TAG.finditer(text):
        name = tag.group(2).lower()
        if not tag.group(1):
            opened[name] = tag
            continue
        start_tag = opened.pop(name, None)
        if start_tag is None or "xhtml" in (start_tag.group(3) or "").lower():
            continue
        start, end = start_tag.end(), tag.start()
        inner = text[start:end]
        if _TAG_START.search(inner) is None or "<![CDATA[" in inner or _well_formed(inner):
            continue
        while wrapped and wrapped[-1][0] >= start:
            wrapped.pop()  # a construct inside this one: wrapped with it
        wrapped.append((start, end, f"<![CDATA[{inner.replace(']]>', ']]]]><![CDATA[>')}]]>"))
    if not wrapped:
        return text
    pieces, position = [], 0
    for start, end, replacement in wrapped:
        pieces += [text[position:start], replacement]
        position = end
    return "".join([*pieces, text[position:]])


def _well_formed(fragment: str) -> bool:
    try:
        etree.fromstring(f"<x>{fragment}</x>".encode(), _FRAGMENT)
    except etree.XMLSyntaxError:
        return False
    return True


def _reference(match: re.Match[str]) -> str:
    numeric, name = match.groups()
    if numeric is not None:
        return f"&#x{numeric[2:]};" if numeric[:2] == "#X" else match.group(0)  # XML 1.0 §4.1: "&#x", lower case
    if name in _XML_ENTITIES:
        return match.group(0)
    if name is None:
        return "&amp;"  # a bare "&"
    known = html.entities.html5.get(f"{name};")
    return "".join(f"&#{ord(c)};" for c in known) if known else f"&amp;{name};"


def _declare_prefixes(text: str, markup: list[str]) -> str:
    used: set[str] = set()
    declared: set[str] = set()
    for part in markup:
        used.update(a or b for a, b in _PREFIX_USED.findall(part))
        declared.update(_PREFIX_DECLARED.findall(part))
    missing = sorted(used - declared - {"xml", "xmlns"})
    root = _ROOT_NAME.match(text)
    if not missing or root is None:
        return text
    declarations = "".join(
        f' xmlns:{prefix}="{_KNOWN_PREFIXES.get(prefix.lower(), f"urn:wiredesk:undeclared:{prefix}")}"'
        for prefix in missing
    )
    return text[: root.end()] + declarations + text[root.end() :]
