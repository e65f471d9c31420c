"""Untrusted XML: bombs and XXE refused, lying charsets and BOMs read right, big files."""

from __future__ import annotations

import codecs

import pytest

from wiredesk.ingest.detect import parse_payload
from wiredesk.ingest.exceptions import ParseError, UnsafeXML
from wiredesk.ingest.tests.factories import nitf
from wiredesk.ingest.xmlsafe import parse_xml

BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode() for i in range(1, 10)
    )
    + b"]><lolz>&lol9;</lolz>"
)


def test_billion_laughs_is_refused() -> None:
    with pytest.raises(UnsafeXML, match="entities"):
        parse_xml(BILLION_LAUGHS)


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        b'<!DOCTYPE nitf [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>',
        b'<!DOCTYPE nitf [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>',
    ],
)
def test_external_entities_are_refused(doctype: bytes) -> None:
    with pytest.raises(UnsafeXML):
        parse_xml(b'<?xml version="1.0"?>' + doctype + b"<nitf>&x;</nitf>")


def test_external_dtd_reference_is_not_fetched() -> None:
    root = parse_xml(b'<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "http://127.0.0.1:9/nitf.dtd"><nitf/>')
    assert root.tag == "nitf"


def test_declared_latin1_but_really_utf8() -> None:
    data = '<?xml version="1.0" encoding="ISO-8859-1"?><a>Zürich “trams”</a>'.encode()
    assert parse_xml(data).text == "Zürich “trams”"


def test_declared_utf8_but_really_cp1252() -> None:
    data = b'<?xml version="1.0" encoding="utf-8"?><a>Z\xfcrich \x93trams\x94</a>'
    assert parse_xml(data).text == "Zürich “trams”"


def test_real_latin1_is_read_as_declared() -> None:
    data = '<?xml version="1.0" encoding="iso-8859-1"?><a>Málaga</a>'.encode("latin-1")
    assert parse_xml(data).text == "Málaga"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_byte_order_marks(encoding: str) -> None:
    text = '<?xml version="1.0" encoding="%s"?><a>Ünïcode</a>' % ("utf-8" if encoding == "utf-8-sig" else "utf-16")
    data = text.encode(encoding)
    if encoding == "utf-8-sig":
        assert data.startswith(codecs.BOM_UTF8)
    assert parse_xml(data).text == "Ünïcode"


def test_utf16_nitf_story_through_detection() -> None:
    data = nitf(headline="Brücke öffnet").decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    assert parse_payload(data).stories[0].headline == "Brücke öffnet"


def test_not_well_formed_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="not well-formed"):
        parse_xml(b"<nitf><p>unclosed</nitf>")


def test_empty_payload() -> None:
    with pytest.raises(ParseError, match="empty"):
        parse_payload(b"  \n")


def test_fifty_megabyte_story_is_read() -> None:
    paragraph = "<p>" + "The council met again and talked at length about the harbour. " * 20 + "</p>"
    body = paragraph * (50 * 1024 * 1024 // len(paragraph) + 1)
    data = nitf("BIG-1", body=body)
    assert len(data) > 50 * 1024 * 1024
    story = parse_payload(data).stories[0]
    assert story.agency_id == "BIG-1" and story.body_html.count("<p>") == body.count("<p>")
