"""Parse untrusted XML bytes into an lxml tree, safely and with the right characters.

Safety: no DTD is loaded, no entity is expanded, nothing is fetched from the network. A
document whose DOCTYPE declares entities or external references is refused outright with
``UnsafeXML`` (checked with defusedxml), which covers the "billion laughs" bomb and XXE.

Characters: agencies' XML declarations are not always true. A document declared Latin-1
whose bytes are valid UTF-8 is read as UTF-8; a document declared (or defaulting to) UTF-8
whose bytes are not valid UTF-8 is read as Windows-1252, the superset of Latin-1 that
matches what such feeds really contain. Byte-order marks are honoured.

Does not validate against any schema.
"""

from __future__ import annotations

import codecs
import re
from typing import Final

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as _defused_fromstring
from lxml import etree

from wiredesk.ingest.exceptions import ParseError, UnsafeXML

_DECLARATION: Final = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_DECLARATION_ANY: Final = re.compile(rb"^\s*<\?xml[^>]*\?>")
_LATIN1_FAMILY: Final = frozenset(
    {"iso-8859-1", "latin-1", "latin1", "iso8859-1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252"}
)
_BOMS: Final = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _parser() -> etree.XMLParser:
    # huge_tree: a long body is legitimate; entity amplification is impossible because a
    # document that declares entities never reaches lxml (see parse_xml). collect_ids stays
    # on: turning it off makes libxml2 try to load an external DTD subset.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )


_PARSER: Final = _parser()


def declared_encoding(data: bytes) -> str | None:
    """The encoding named in the XML declaration, lower-cased, or ``None``."""
    match = _DECLARATION.match(data[:200])
    return match.group(1).decode("ascii").lower() if match else None


def _head_text(data: bytes) -> bytes:
    """The first 64 KB as ASCII-compatible bytes, whatever the byte-order mark says."""
    head = data[:65536]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    return head


def _refuse_entities(data: bytes) -> None:
    head = _head_text(data)
    # Entities can only be declared inside a DOCTYPE, so the costly check runs only then.
    # (Most documents hold no "<!" at all: one search instead of two.)
    if b"<!" not in head or (b"<!DOCTYPE" not in head and b"<!ENTITY" not in head):
        return
    root_at = head.find(b"]>")
    if b"<!ENTITY" in (head[:root_at] if root_at >= 0 else head):
        # Refused even when the rest is not well-formed, so no parser ever sees it.
        raise UnsafeXML(
            "The XML declares entities or external references, which Wiredesk refuses "
            "(they are how XML bombs and XXE attacks work)."
        )
    try:
        _defused_fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnsafeXML(
            "The XML declares entities or external references, which Wiredesk refuses "
            f"(they are how XML bombs and XXE attacks work): {exc}"
        ) from exc
    except Exception:  # noqa: BLE001,S110 - not well-formed: lxml reports it better below
        pass


def _as_text(data: bytes, encoding: str) -> bytes:
    """Re-encode ``data`` from ``encoding`` to UTF-8 and say so in the declaration."""
    text = data.decode(encoding, errors="replace")
    body = _DECLARATION_ANY.sub(b"", text.encode("utf-8"), count=1)
    return b'<?xml version="1.0" encoding="utf-8"?>' + body


def _honest_bytes(data: bytes) -> bytes:
    if data.startswith(_BOMS):
        return data
    if data.isascii():
        return data  # what every branch below gives for ASCII bytes, without the work
    declared = declared_encoding(data)
    if declared in _LATIN1_FAMILY:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            # Really Latin-1 (or cp1252): read as cp1252, which also maps 0x80-0x9F quotes.
            return _as_text(data, "cp1252")
        # Valid UTF-8 with non-ASCII bytes is practically never real Latin-1 text.
        return _as_text(data, "utf-8")
    if declared in (None, "utf-8", "utf8"):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return _as_text(data, "cp1252")
    return data


def parse_xml(data: bytes) -> etree._Element:
    """Return the root element of ``data``; raise ``ParseError``/``UnsafeXML`` with a reason."""
    if not data or data.isspace():  # (as "not data.strip()", without copying the payload)
        raise ParseError("The payload is empty.")
    _refuse_entities(data)
    try:
        root = etree.fromstring(_honest_bytes(data), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"The XML is not well-formed: {exc}") from exc
    except (LookupError, ValueError) as exc:
        raise ParseError(f"The XML cannot be decoded: {exc}") from exc
    if root is None:
        raise ParseError("The XML has no root element.")
    return root


def local_name(element: etree._Element) -> str:
    """The element's tag without its namespace (``{ns}newsItem`` → ``newsItem``)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]
