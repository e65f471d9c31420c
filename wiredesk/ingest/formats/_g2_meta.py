"""Read the metadata of one NewsML-G2 item: ``itemMeta``, ``contentMeta`` and ``rightsInfo``.

Helpers of ``newsml_g2``; pure. Elements are matched by local name, not by namespace:
agencies send NewsML-G2 in the IPTC namespace ``http://iptc.org/std/nar/2006-10-01/``, but
some (TT) send it in no namespace at all, and inline XHTML is sometimes left in the G2 one.

Qualified codes are read as the specification writes them: a ``qcode`` is
``scheme-alias:code`` and a ``uri`` ends in the code (NewsML-G2 2.35 XSD,
``QCodeType``/``IRIType``), so ``stat:canceled`` and
``http://cv.iptc.org/newscodes/pubstatusg2/canceled`` mean the same.

Does not resolve qcodes through catalogs (no network), does not read ``partMeta``, and does
not interpret agency-private schemes (``edStat:C``, ``update:…``): those belong to agency
adaptors.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlsplit

from lxml import etree

from wiredesk.ingest.formats._markup import Children, line_text
from wiredesk.ingest.types import PubStatus, Signal, Subject
from wiredesk.text import plain_text

XML_LANG: Final = "{http://www.w3.org/XML/1998/namespace}lang"

# IPTC NewsItem Nature NewsCodes (ninat) and the Reuters item classes (icls) that are not
# text: the itemClass of a picture, graphic, video … item (XSD "itemClass: The nature of
# the item, set in accordance with the structure of its content").
NON_TEXT_CLASSES: Final = frozenset(
    {"picture", "photo", "image", "graphic", "graphics", "video", "audio", "composite", "interactive"}
)

# IPTC Publishing Status NewsCodes (pubstatusg2); "usable" is the XSD default for pubStatus.
_PUBSTATUS: Final = {
    "usable": PubStatus.USABLE,
    "withheld": PubStatus.WITHHELD,
    "canceled": PubStatus.CANCELED,
    "cancelled": PubStatus.CANCELED,
}
# IPTC Signal NewsCodes (scheme alias "sig", http://cv.iptc.org/newscodes/signal/).
_SIGNALS: Final = {"update": Signal.UPDATE, "correction": Signal.CORRECTION}
_SIGNAL_URI: Final = "cv.iptc.org/newscodes/signal/"


def children(element: etree._Element | None, name: str) -> Iterator[etree._Element]:
    """The child elements of ``element`` whose local name is ``name``, in document order."""
    if element is None:
        return iter(())
    # "{*}name": that local name in any namespace or none, matched by lxml itself
    return element.iterchildren(f"{{*}}{name}")


def child(element: etree._Element | None, name: str) -> etree._Element | None:
    """The first child element of ``element`` named ``name``, or ``None``."""
    if element is None:
        return None
    return next(element.iterchildren(f"{{*}}{name}"), None)


def text(element: etree._Element | None) -> str:
    """The plain text of ``element`` on one line, or ``""``.

    Mixed content is flattened with its parts apart (``<byttl>By</byttl><person>…`` →
    "By …", see ``_markup.line_text``); markup written into the text as escaped HTML is
    dropped too (``wiredesk.text.plain_text``).
    """
    return plain_text(line_text(element))


def code_of(value: str) -> str:
    """The code part of a qcode or code URI: ``stat:canceled`` → ``canceled``."""
    return value.strip().rstrip("/").rpartition("/")[2].rpartition(":")[2]


def qualified(element: etree._Element | None) -> str:
    """The ``qcode`` of a QCode-typed property, else its ``uri``, else ``""``."""
    if element is None:
        return ""
    return (element.get("qcode") or element.get("uri") or "").strip()


def item_class(item_meta: etree._Element | None) -> str:
    """The itemClass code of an item's ``itemMeta``, lower case (``ninat:picture`` → ``picture``)."""
    return code_of(qualified(child(item_meta, "itemClass"))).lower()


@dataclass(frozen=True, slots=True)
class G2Meta:
    """The metadata of one item, already plain text; the body is read elsewhere."""

    version: str = ""
    headline: str = ""
    subheadline: str = ""
    title: str = ""
    slugline: str = ""
    byline: str = ""
    dateline: str = ""
    located: str = ""
    abstract: str = ""
    language: str = ""
    urgency: int | None = None
    pubstatus: PubStatus = PubStatus.USABLE
    signals: frozenset[Signal] = frozenset()
    # times as written (itemMeta firstCreated, versionCreated, embargoed; contentMeta
    # contentCreated, contentModified): read with their fallbacks by newsml_g2
    first_created: str = ""
    version_created: str = ""
    content_created: str = ""
    content_modified: str = ""
    embargoed: str = ""
    subjects: tuple[Subject, ...] = ()
    provider: str = ""
    ednote: str = ""
    copyright: str = ""


def read_meta(item: etree._Element, parts: Children) -> G2Meta:
    """Read the item's metadata (``parts``: its children); missing or unreadable values stay empty.

    Does not raise: a value the agency got wrong is dropped, not fatal.
    """
    item_meta = Children(parts.first("itemMeta"))
    content_meta = Children(parts.first("contentMeta"))
    headline, subheadline = _headlines(content_meta.all("headline"))
    return G2Meta(
        # XSD: newsItem/@version is a positiveInteger with default="1".
        version=(item.get("version") or "1").strip(),
        headline=headline,
        subheadline=subheadline,
        title=text(item_meta.first("title")),
        slugline=text(content_meta.first("slugline")),
        byline=", ".join(t for t in map(text, content_meta.all("by")) if t),
        dateline=text(content_meta.first("dateline")),
        located=_located(content_meta.all("located")),
        abstract=_abstract(content_meta.all("description")),
        language=_language(item, content_meta.all("language")),
        urgency=_urgency(content_meta.first("urgency")),
        pubstatus=_pubstatus(item_meta.first("pubStatus")),
        signals=_signals(item_meta.all("signal")),
        first_created=text(item_meta.first("firstCreated")),
        version_created=text(item_meta.first("versionCreated")),
        content_created=text(content_meta.first("contentCreated")),
        content_modified=text(content_meta.first("contentModified")),
        embargoed=text(item_meta.first("embargoed")),
        subjects=_subjects(content_meta.all("subject")),
        provider=_provider(item_meta.first("provider")),
        ednote=" ".join(t for t in map(text, item_meta.all("edNote")) if t),
        copyright=_first_text(
            notice for rights in parts.all("rightsInfo") for notice in children(rights, "copyrightNotice")
        ),
    )


def _first_text(elements: Iterable[etree._Element]) -> str:
    """The first non-empty ``text`` of ``elements``, or ``""``."""
    for element in elements:
        value = text(element)
        if value:
            return value
    return ""


def _headlines(elements: Sequence[etree._Element]) -> tuple[str, str]:
    # contentMeta/headline may repeat, told apart by @role (IPTC Headline Role NewsCodes,
    # "hld:main", "hld:subHeadline"; agencies also write free roles such as "subhead").
    main: list[str] = []
    other: list[str] = []
    sub = ""
    for element in elements:
        value = text(element)
        if not value:
            continue
        role = (element.get("role") or "").lower()
        if "sub" in code_of(role):
            sub = sub or value
        elif not role or "main" in role:
            main.append(value)
        else:
            other.append(value)
    candidates = main or other
    return (candidates[0] if candidates else ""), sub


def _abstract(elements: Sequence[etree._Element]) -> str:
    # description/@role uses the IPTC Description Role NewsCodes ("drol:summary"). A
    # "drol:caption" describes a picture — Reuters and TT send one with text items that is
    # the slug or a truncated lead — so it is never taken as the story's abstract.
    fallback = ""
    for element in elements:
        value = text(element)
        role = (element.get("role") or "").lower()
        if not value:
            continue
        if "summary" in role or "abstract" in role:
            return value
        if not fallback and "caption" not in role:
            fallback = value
    return fallback


def _located(elements: Sequence[etree._Element]) -> str:
    # located is a FlexLocationPropType: a name child, or a literal/qcode without one.
    for element in elements:
        value = _first_text(children(element, "name")) or plain_text(element.get("literal"))
        if value:
            return value
    return ""


def _language(item: etree._Element, elements: Sequence[etree._Element]) -> str:
    for element in elements:
        tag = (element.get("tag") or "").strip()
        if tag:
            return tag
    return (item.get(XML_LANG) or "").strip()


def _urgency(element: etree._Element | None) -> int | None:
    # XSD: urgency is an Int1to9Type; anything else is dropped.
    value = text(element).strip()
    # isascii: str.isdigit also takes "²", which int() refuses; int() refuses thousands of digits
    if not (value.isascii() and value.isdigit() and len(value) <= 3):
        return None
    number = int(value)
    return number if 1 <= number <= 9 else None


def _pubstatus(element: etree._Element | None) -> PubStatus:
    code = code_of(qualified(element)).lower()
    return _PUBSTATUS.get(code, PubStatus.USABLE)


def _signals(elements: Sequence[etree._Element]) -> frozenset[Signal]:
    found: set[Signal] = set()
    for element in elements:
        qcode = (element.get("qcode") or "").strip()
        uri = (element.get("uri") or "").strip()
        if qcode.lower().startswith("sig:"):
            code = qcode[4:]
        elif _SIGNAL_URI in uri:
            code = code_of(uri)
        else:
            continue  # another scheme: agency-private, not the IPTC signal vocabulary
        if code.lower() in _SIGNALS:
            found.add(_SIGNALS[code.lower()])
    return frozenset(found)


def _provider(element: etree._Element | None) -> str:
    # provider is a FlexPartyPropType: prefer the name child, then @literal, then the code
    # of @qcode/@uri (IPTC Provider NewsCodes, "nprov:REUTERS" → "REUTERS").
    if element is None:
        return ""
    name = _first_text(children(element, "name")) or plain_text(element.get("literal"))
    qcode = (element.get("qcode") or "").strip()
    if name or qcode:
        return name or code_of(qcode)
    # a provider's web address (Listing 2, "http://www.acmenews.com/about/") names it by host
    uri = (element.get("uri") or "").strip()
    if "/newscodes/" in uri:
        return code_of(uri)
    return urlsplit(uri).hostname or code_of(uri)


def _subjects(elements: Sequence[etree._Element]) -> tuple[Subject, ...]:
    # Only direct contentMeta/subject children; a subject's "broader" ancestors are the
    # agency's hierarchy, not extra subjects. A subject without qcode or uri (only a name)
    # has no code to key on and is left out.
    subjects: list[Subject] = []
    seen: set[str] = set()
    for element in elements:
        code = qualified(element)
        if not code or code in seen:
            continue
        seen.add(code)
        subjects.append(Subject(code=code, name=_first_text(children(element, "name"))))
    return tuple(subjects)
