"""Read NewsML 1.x documents (NewsML 1.2: AFP, Reuters, ANP and older systems) into stories.

A ``NewsML`` document holds a ``NewsEnvelope`` and one or more ``NewsItem``s; each item
with a text ``ContentItem`` is one story. Elements are matched by local name, so documents
with or without a namespace read alike. What is read, per item (NewsML 1.2 specification):

- ``Identification/NewsIdentifier``: ``ProviderId``, ``DateId`` and ``NewsItemId`` name the
  story (``urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86``: the ``PublicIdentifier``
  without its revision); ``RevisionId`` is the version. ``RevisionId@Update`` "A" or "U"
  (an item that adds or replaces single components) is skipped: it is not a whole story.
- ``NewsManagement``: ``Status`` (Usable, Embargoed, Withheld, Canceled), ``Urgency``,
  ``FirstCreated``, ``ThisRevisionCreated``, ``StatusWillChange`` (the embargo's end), and
  ``Instruction`` (a correction or a kill, e.g. "Rectify", "Kill").
- the ``NewsComponent`` tree: the text ``ContentItem`` (``MediaType`` Text, or a text
  format) whose component has the role "Main", else the first in document order; its inline
  ``DataContent`` as NITF (``nitf.story_from_nitf``), XHTML or plain text;
- the ``NewsLines`` (HeadLine, SubHeadLine, ByLine, ByLineTitle, DateLine, SlugLine,
  CopyrightLine) and ``DescriptiveMetadata`` (Language, SubjectCode, Location city) of that
  component, else of the nearest enclosing one; ``AdministrativeMetadata/Provider``.

A headline "CORRECTED-…" or "CORRECTION" marks a correction too (Reuters' convention).

Does not: fetch a ``ContentItem@Href`` (a text held only by reference is skipped with a
reason), read pictures, audio or video, follow ``NewsItemRef``, ``RevisionHistory`` or
``AssociatedWith``, or decode base64 ``Encoding``. Pure: no Django, database or network.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Final

from lxml import etree

from wiredesk.ingest.dates import parse_datetime
from wiredesk.ingest.exceptions import ParseError
from wiredesk.ingest.formats._markup import Children, html_inside, line_text, plain_names, text_of
from wiredesk.ingest.formats.nitf import story_from_nitf
from wiredesk.ingest.sanitize import sanitize_body, text_to_html
from wiredesk.ingest.types import ParseResult, PubStatus, Signal, SkippedItem, StoryData, Subject
from wiredesk.ingest.xmlsafe import local_name, parse_xml

FORMAT: Final = "newsml1"
_STATUS: Final = {"usable": PubStatus.USABLE, "embargoed": PubStatus.USABLE, "withheld": PubStatus.WITHHELD,
                  "canceled": PubStatus.CANCELED, "cancelled": PubStatus.CANCELED}  # fmt: skip
_KILL_INSTRUCTION: Final = re.compile(r"kill|delete|cancel|withdraw|eliminat", re.I)
_CORRECTION_INSTRUCTION: Final = re.compile(r"correct|rectif", re.I)
_CORRECTED_HEADLINE: Final = re.compile(r"^(CORRECTED|CORRECTION)\b")
_TEXT_FORMATS: Final = ("nitf", "xhtml", "html", "text", "iptctext", "ansi")
_SUBJECT_LEVELS: Final = ("Subject", "SubjectMatter", "SubjectDetail")
_XML_LANG: Final = "{http://www.w3.org/XML/1998/namespace}lang"


def parse(data: bytes, *, url: str = "") -> ParseResult:
    """Parse a NewsML 1.x document into one story per text ``NewsItem``.

    Raises ``ParseError`` when the XML is broken or the root is not ``<NewsML>``. Items that
    are not text (pictures, references) are left out; text items that cannot be read are
    skipped with a reason. Does not use ``url``.
    """
    root = parse_xml(data)
    if local_name(root) != "NewsML":
        raise ParseError(f"Not a NewsML 1.x document: the root element is <{local_name(root)}>.")
    envelope = Children(Children(root).first("NewsEnvelope"))
    priority = _formal(envelope.first("Priority"))
    stories: list[StoryData] = []
    skipped: list[SkippedItem] = []
    for position, item in enumerate(Children(root).all("NewsItem")):
        try:
            story = _story(item, priority)
        except ParseError as exc:
            skipped.append(SkippedItem(position=position, reason=str(exc)))
            continue
        if story is not None:
            stories.append(story)
    return ParseResult(format=FORMAT, stories=tuple(stories), skipped=tuple(skipped))


def _story(item: etree._Element, envelope_priority: str) -> StoryData | None:
    parts = Children(item)
    identifier = Children(Children(parts.first("Identification")).first("NewsIdentifier"))
    revision = identifier.first("RevisionId")
    update = (revision.get("Update") or "N").strip().upper() if revision is not None else "N"
    agency_id = _agency_id(identifier)
    if update in ("A", "U"):
        raise ParseError(f"NewsML item {agency_id or '?'} is a partial update (RevisionId Update=\"{update}\"), "
                         "not a whole story: not read.")  # fmt: skip
    found = _text_component(parts.first("NewsComponent"))
    if found is None:
        return None  # no text here: a picture, a reference to another item
    lineage, content = found
    if not agency_id:
        raise ParseError("The NewsML item has no NewsIdentifier (ProviderId, DateId, NewsItemId or PublicIdentifier).")
    data_content = Children(content).first("DataContent")
    if data_content is None:
        raise ParseError(f"NewsML item {agency_id}: its text is only referenced (ContentItem Href), not included.")
    body_html, nitf = _body(data_content, agency_id)
    lines = _nearest(lineage, "NewsLines")
    metadata = _nearest(lineage, "DescriptiveMetadata")
    management = Children(parts.first("NewsManagement"))
    status_word = _formal(management.first("Status")).lower()
    instructions = " ".join(_formal(i) for i in management.all("Instruction"))
    headline = line_text(lines.first("HeadLine")) or (nitf.headline if nitf else "")
    signals = set()
    if _CORRECTION_INSTRUCTION.search(instructions) or _CORRECTED_HEADLINE.match(headline):
        signals.add(Signal.CORRECTION)
    pubstatus = _STATUS.get(status_word, PubStatus.USABLE)
    if _KILL_INSTRUCTION.search(instructions):
        pubstatus = PubStatus.CANCELED
    embargo_end = Children(management.first("StatusWillChange")).first("DateAndTime")
    urgency = _formal(management.first("Urgency")) or envelope_priority
    byline = " ".join(p for p in (line_text(lines.first("ByLine")), line_text(lines.first("ByLineTitle"))) if p)
    dateline = line_text(lines.first("DateLine")) or (nitf.dateline if nitf else "")
    if not headline:
        raise ParseError(f"NewsML item {agency_id} has no headline (NewsLines/HeadLine).")
    return StoryData(
        agency_id=agency_id,
        headline=headline,
        body_html=body_html,
        version=(revision.text or "").strip() if revision is not None else "",
        subheadline=line_text(lines.first("SubHeadLine")),
        slugline=line_text(lines.first("SlugLine")),
        byline=byline or (nitf.byline if nitf else ""),
        dateline=dateline,
        located=_city(metadata) or dateline.partition(",")[0].strip(),
        language=_formal(metadata.first("Language")) or (item.get(_XML_LANG) or "").strip(),
        urgency=int(urgency) if urgency.isdigit() and 1 <= int(urgency) <= 9 else None,
        pubstatus=pubstatus,
        signals=frozenset(signals),
        first_created=parse_datetime(text_of(management.first("FirstCreated")).strip()),
        version_created=parse_datetime(text_of(management.first("ThisRevisionCreated")).strip()),
        embargoed=parse_datetime(text_of(embargo_end).strip()) if status_word == "embargoed" else None,
        subjects=tuple(_subjects(metadata)),
        provider=_provider(lineage) or line_text(identifier.first("ProviderId")),
        ednote=instructions if signals or pubstatus is not PubStatus.USABLE else "",
        copyright=line_text(lines.first("CopyrightLine")),
        format=FORMAT,
    )


def _agency_id(identifier: Children) -> str:
    provider = line_text(identifier.first("ProviderId"))
    date_id = line_text(identifier.first("DateId"))
    item_id = line_text(identifier.first("NewsItemId"))
    if provider and date_id and item_id:
        return f"urn:newsml:{provider}:{date_id}:{item_id}"
    public = line_text(identifier.first("PublicIdentifier"))
    # urn:newsml:{provider}:{date}:{item}:{revision}{update}: the last part is the version
    return public.rsplit(":", 1)[0] if public.count(":") >= 5 else public


def _text_component(component: etree._Element | None) -> tuple[list[Children], etree._Element] | None:
    """The text ``ContentItem`` to read, and the components that enclose it (outermost first)."""
    if component is None:
        return None
    candidates = list(_text_items(component, []))
    if not candidates:
        return None
    main = [c for c in candidates if any(_formal(lvl.first("Role")).lower() == "main" for lvl in c[0][1:])]
    return (main or candidates)[0]


def _text_items(component: etree._Element, lineage: list[Children]) -> Iterator[tuple[list[Children], etree._Element]]:
    here = [*lineage, Children(component)]
    role = _formal(here[-1].first("Role")).lower()
    if role in ("caption", "picture", "photo", "graphic"):
        return
    for content in here[-1].all("ContentItem"):
        parts = Children(content)
        media = _formal(parts.first("MediaType")).lower()
        fmt = _formal(parts.first("Format")).lower()
        mime = _formal(parts.first("MimeType")).lower()
        if media == "text" or mime.startswith("text/") or (fmt.startswith(_TEXT_FORMATS) and not media):
            yield here, content
    for child in here[-1].all("NewsComponent"):
        yield from _text_items(child, here)


def _nearest(lineage: list[Children], name: str) -> Children:
    for level in reversed(lineage):
        found = level.first(name)
        if found is not None:
            return Children(found)
    return Children(None)


def _body(data_content: etree._Element, agency_id: str) -> tuple[str, StoryData | None]:
    children = [c for c in data_content if isinstance(c.tag, str)]
    if not children:
        return text_to_html(data_content.text or ""), None
    first = children[0]
    if local_name(first) == "nitf":
        nitf = story_from_nitf(first, url=agency_id)
        return nitf.body_html, nitf
    # XHTML (html or body wrapper, or bare block elements): namespaces dropped, then cleaned
    holder = copy.deepcopy(data_content)
    for element in holder.iter():
        plain_names(element)
    inner = next((e for e in holder.iter() if isinstance(e.tag, str) and e.tag == "body"), holder)
    return sanitize_body(html_inside(inner)), None


def _formal(element: etree._Element | None) -> str:
    return "" if element is None else (element.get("FormalName") or "").strip()


def _city(metadata: Children) -> str:
    for location in metadata.all("Location"):
        for prop in Children(location).all("Property"):
            if (prop.get("FormalName") or "").lower() == "city":
                return (prop.get("Value") or "").strip()
    return ""


def _provider(lineage: list[Children]) -> str:
    admin = _nearest(lineage, "AdministrativeMetadata")
    party = Children(admin.first("Provider")).first("Party")
    return _formal(party)


def _subjects(metadata: Children) -> Iterator[Subject]:
    # SubjectCode/Subject|SubjectMatter|SubjectDetail@FormalName: IPTC Subject Codes
    seen: set[str] = set()
    for code in metadata.all("SubjectCode"):
        levels = Children(code)
        for level in _SUBJECT_LEVELS:
            for subject in levels.all(level):
                number = _formal(subject)
                if number and number not in seen:
                    seen.add(number)
                    yield Subject(code=f"subj:{number}")
