"""Stream a WXR export of any size: its channel metadata first, then its items one at a time.

lxml's ``iterparse`` reads the file in pieces; each ``<item>`` is handed over complete and
then cleared, with the items before it, so memory stays flat however long the export.
Safe like ``xmlsafe.parse_xml``: no DTD, no entities, no network; an export whose head
declares entities is refused. Does not interpret items (``formats/wxr.py`` does).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from wiredesk.ingest.exceptions import ParseError, UnsafeXML
from wiredesk.ingest.formats.wxr import Channel, read_channel


@dataclass(frozen=True, slots=True)
class Item:
    """One ``<item>`` of the export, valid only until the stream moves on."""

    position: int
    element: etree._Element
    channel: Channel


def read_items(file: BinaryIO) -> Iterator[Item]:
    """The export's items in order, each with the channel read from the elements before them.

    Raises ``ParseError`` (or ``UnsafeXML``) when the file is not a well-formed WXR export.
    """
    head = file.read(65536)
    if b"<!ENTITY" in head or b"<!DOCTYPE" in head:
        raise UnsafeXML("The export declares a DOCTYPE or entities, which Wiredesk refuses (XML bombs, XXE).")
    file.seek(0)
    events = etree.iterparse(
        file, events=("start", "end"), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
    )
    channel_el: etree._Element | None = None
    channel: Channel | None = None
    position = 0
    try:
        for event, element in events:
            if event == "start":
                if channel_el is None and element.tag == "channel":
                    channel_el = element
                continue
            if element.getparent() is not channel_el or channel_el is None:
                continue
            if element.tag != "item":
                continue  # channel metadata: read once, when the first item arrives
            if channel is None:
                channel = read_channel(c for c in channel_el if c.tag != "item")
            yield Item(position=position, element=element, channel=channel)
            position += 1
            element.clear()
            while element.getprevious() is not None:
                del channel_el[0]
            channel_el.remove(element)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"The export is not well-formed XML: {exc}") from exc
    if channel_el is None:
        raise ParseError("The file is not a WordPress export: it has no <channel>.")


def source_identity(path: Path) -> str:
    """A short name for an export file's content: its size and a digest of its first and last 64 KB.

    Cheap for a file of any size; two exports that differ only in their middle are
    unlikely, and an import goes by each post's own digest anyway.
    """
    import hashlib

    size = path.stat().st_size
    digest = hashlib.sha256()
    with path.open("rb") as file:
        digest.update(file.read(65536))
        file.seek(max(size - 65536, 0))
        digest.update(file.read(65536))
    return f"{size}:{digest.hexdigest()[:40]}"
