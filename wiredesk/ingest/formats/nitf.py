"""Read an IPTC NITF 3.x document (News Industry Text Format) into one ``StoryData``.

Works with and without the NITF namespace (``http://iptc.org/std/NITF/2006-10-18/``):
elements are matched by local name. ``story_from_nitf`` takes an already parsed ``<nitf>``
element, so the NewsML-G2 parser can reuse it for inline NITF bodies.

What is read: ``head/docdata`` (doc-id, du-key, urgency, dates, management-status,
correction, ed-msg, doc.copyright), ``head/pubdata@date.publication`` when date.issue is
missing or unreadable (with a note), ``head/tobject`` subject codes, ``head/title`` and the
``anpa-keyword`` meta, ``body.head`` (hedline, byline, dateline, abstract) and
``body.content``, cleaned into the news HTML allowlist.

Does not: validate against the DTD/XSD, read ``media`` (pictures are not part of the body),
``body.end``, ``date.expire``, ``doc.rights``, ``evloc`` or inline entity markup such as
``<person>`` or ``<org>`` (their text is kept, the tags are dropped), nor follow
``management-doc-idref`` to another document. Pure: no Django, database or network.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Sequence
from typing import Final

from lxml import etree

from wiredesk.ingest.dates import first_date
from wiredesk.ingest.exceptions import ParseError
from wiredesk.ingest.formats._markup import Children, drop_element, html_inside, line_text, plain_attributes
from wiredesk.ingest.sanitize import sanitize_body
from wiredesk.ingest.types import ParseResult, PubStatus, Signal, StoryData, Subject
from wiredesk.ingest.xmlsafe import local_name, parse_xml

FORMAT: Final = "nitf"
NITF_NS: Final = "http://iptc.org/std/NITF/2006-10-18/"
_XML_LANG: Final = "{http://www.w3.org/XML/1998/namespace}lang"

# docdata@management-status (NITF 3.x: usable | embargoed | withheld | canceled)
# "embargoed" is usable once date.release has passed; "cancelled" is a common misspelling.
_STATUS: Final = {"usable": PubStatus.USABLE, "embargoed": PubStatus.USABLE,
                  "withheld": PubStatus.WITHHELD, "canceled": PubStatus.CANCELED,
                  "cancelled": PubStatus.CANCELED}  # fmt: skip
_WHITESPACE: Final = re.compile(r"\s+")
_CORRECTION: Final = re.compile(r"\bcorrect(?:ion|ed|s)?\b", re.I)
# "_00", "_01": a revision counted from 0 at the end of a doc-id (NTB)
_REVISION_SUFFIX: Final = re.compile(r"_(\d{2,})$")
# an absolute URI: at least two scheme letters, so a Windows drive ("C:\…") is not one
_URI: Final = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:\S+$")
# tobject.subject label attributes, one per level of the IPTC Subject Code
_TYPE, _MATTER, _DETAIL = "tobject.subject.type", "tobject.subject.matter", "tobject.subject.detail"
# body.content elements renamed to their HTML equivalent; the rest pass to the sanitizer,
# which keeps the text of tags it does not know (person, org, location, money, chron …).
_RENAME: Final = {"hl2": "h2", "bq": "blockquote", "credit": "cite"}
_DROP: Final = frozenset({"media", "nitf-table-metadata"})  # pictures; table metadata
_UNWRAP: Final = frozenset({"block", "nitf-table"})  # containers with no HTML meaning
# the same names for lxml: "{*}" matches the name with any namespace or none
_DROP_TAGS: Final = tuple(f"{{*}}{n}" for n in sorted(_DROP))
_UNWRAP_TAGS: Final = tuple(f"{{*}}{n}" for n in sorted(_UNWRAP))


def parse(data: bytes, *, url: str = "") -> ParseResult:
    """Parse one NITF document into a ``ParseResult`` holding exactly one story.

    Raises ``ParseError`` when the XML is broken, the root is not ``<nitf>``, or the
    document has no identifier or no headline. Does not fetch ``url``; see
    ``story_from_nitf`` for how it is used.
    """
    root = parse_xml(data)
    if local_name(root) != "nitf":
        raise ParseError(f"Not a NITF document: the root element is <{local_name(root)}>.")
    story = _story(root, url=url, own_tree=True)
    if not story.headline:
        raise ParseError("The NITF document has no headline (body.head/hedline/hl1 or head/title).")
    return ParseResult(format=FORMAT, stories=(story,))


def story_from_nitf(root: etree._Element, *, url: str = "") -> StoryData:
    """Map a parsed ``<nitf>`` element (namespaced or not) to ``StoryData``.

    The agency id is ``doc-id@id-string`` (less a revision suffix that du-key@version
    confirms, see ``_story_id``), else ``du-key@key``, else ``url`` when it is an
    absolute URI (``https://…``, ``file://…``, ``urn:…``, a NewsML-G2 guid). A bare
    file path is not used: it changes when the file moves. Raises ``ParseError`` when no
    id is found. Does not require a headline (inline NITF in NewsML-G2 may lack one).
    Does not change ``root``.
    """
    return _story(root, url=url, own_tree=False)


def _story(root: etree._Element, *, url: str, own_tree: bool) -> StoryData:
    # own_tree: the tree was parsed here, so _body_html may change body.content in place
    # instead of copying it; the language, also read from body.content, is read before.
    # One pass over each parent's children, then lookups by local name.
    top = Children(root)
    head, body = top.first("head"), top.first("body")
    head_parts = Children(head)
    docdata = head_parts.first("docdata")
    doc = Children(docdata)
    body_parts = Children(body)
    body_head = Children(body_parts.first("body.head"))
    hedline = Children(body_head.first("hedline"))
    doc_id, du_key, copyright_el = doc.first("doc-id"), doc.first("du-key"), doc.first("doc.copyright")

    version = _attr(du_key, "version")
    agency_id = _story_id(_attr(doc_id, "id-string"), version) or _attr(du_key, "key") or _uri(url)
    if not agency_id:
        raise ParseError(
            "The NITF document has no doc-id (head/docdata/doc-id@id-string) and no du-key, "
            "so Wiredesk cannot tell which story it is."
        )

    # date.issue: when the document was sent (else pubdata@date.publication, "date/time of
    # publication"); date.release: when it may be published.
    notes: list[str] = []
    status_word = _attr(docdata, "management-status").lower()
    issued = first_date(
        [("date.issue", _attr(doc.first("date.issue"), "norm")),
         ("pubdata date.publication", _attr(head_parts.first("pubdata"), "date.publication"))],
        notes,
    )  # fmt: skip
    released = first_date(
        [("date.release", _attr(doc.first("date.release"), "norm"))],
        notes,
        "no embargo applied" if status_word == "embargoed" else ("date.issue used" if issued else "receipt time used"),
    )
    embargoed = released if status_word == "embargoed" else None

    headline = _plain(hedline.first("hl1")) or _plain(head_parts.first("title"))
    subheadline = _plain(hedline.first("hl2"))
    dateline_el = body_head.first("dateline")
    dateline = _plain(dateline_el)
    ednote, signals = _ednote_and_signals(doc.all("ed-msg"), doc.first("correction"))
    holder, year = _attr(copyright_el, "holder"), _attr(copyright_el, "year")
    content = body_parts.first("body.content")
    language = _language(root, body, content)  # before _body_html, which may change content

    return StoryData(
        agency_id=agency_id,
        headline=headline,
        body_html=_body_html(content, copy_first=not own_tree),
        version=version,
        abstract=_plain(body_head.first("abstract")),
        subheadline="" if subheadline == headline else subheadline,
        slugline=_meta(head_parts.all("meta"), "anpa-keyword"),
        byline=_plain(body_head.first("byline")),
        dateline=dateline,
        located=_located(dateline_el, dateline),
        language=language,
        urgency=_urgency(_attr(doc.first("urgency"), "ed-urg")),
        pubstatus=_STATUS.get(status_word, PubStatus.USABLE),
        signals=signals,
        first_created=issued,
        # an embargoed version was made when issued; its release time is the embargo
        version_created=issued if embargoed else (released or issued),
        embargoed=embargoed,
        subjects=tuple(_subjects(head_parts.all("tobject"))),
        provider=holder or _attr(doc_id, "regsrc"),
        ednote=ednote,
        copyright=" ".join(p for p in ("©", year, holder) if p) if holder else "",
        format=FORMAT,
        notes=tuple(notes),
    )


def _story_id(id_string: str, version: str) -> str:
    """The story's id in ``doc-id@id-string``, without a revision suffix the du-key confirms.

    NITF 3.6 XSD: doc-id is a "unique, persistent identification for a document" — one
    revision — while du-key "provides a mechanism for grouping and updating versions of
    stories" and its @version is the "version of a particular use" of that key. NTB's
    doc-id is the story's id plus the revision counted from 0 (``NTB5df9…a7_00``,
    ``…_01``) beside a du-key whose version counts the same revisions from 1, and its
    ``NTBID`` meta is the id without the suffix. Such a suffix is cut off, so every
    revision is a version of one story. The du-key@key itself is not the story id: NTB
    writes the slugline there, and NITF lets a provider reuse a key "after the time has
    elapsed". A suffix the du-key does not confirm is kept (the id is used as written).
    """
    match = _REVISION_SUFFIX.search(id_string)
    if match and version.isdigit() and int(match.group(1)) + 1 == int(version) and match.start() > 0:
        return id_string[: match.start()]
    return id_string


def _children(parent: etree._Element | None, name: str) -> Iterator[etree._Element]:
    if parent is None:
        return iter(())
    # "{*}name": that local name in any namespace or none, matched by lxml itself
    return parent.iterchildren(f"{{*}}{name}")


def _child(parent: etree._Element | None, name: str) -> etree._Element | None:
    if parent is None:
        return None
    return next(parent.iterchildren(f"{{*}}{name}"), None)


def _uri(url: str) -> str:
    return url.strip() if _URI.match(url.strip()) else ""


def _attr(element: etree._Element | None, name: str) -> str:
    return "" if element is None else (element.get(name) or "").strip()


def _plain(element: etree._Element | None) -> str:
    """One line of text; parts such as byttl, person or city are kept apart by a space."""
    return line_text(element)


def _meta(metas: Sequence[etree._Element], name: str) -> str:
    # head/meta@name/@content: agency extensions such as AAP's and AP's ANPA fields
    for meta in metas:
        if _attr(meta, "name").lower() == name:
            return _WHITESPACE.sub(" ", _attr(meta, "content"))
    return ""


def _located(dateline: etree._Element | None, text: str) -> str:
    # dateline/location/city is the NITF place element; a plain dateline ("LONDON, May 3")
    # names the place before its first comma.
    location = _child(dateline, "location")
    return _plain(_child(location, "city")) or _plain(location) or text.partition(",")[0].strip()


def _language(root: etree._Element, body: etree._Element | None, content: etree._Element | None) -> str:
    # nitf@xml:lang, nitf@baselang (NITF 3.x), then body / body.content language attributes
    for element in (root, body, content):
        for key in (_XML_LANG, "baselang", "lang"):
            value = _attr(element, key)
            if value:
                return value
    return ""


def _urgency(value: str) -> int | None:
    # docdata/urgency@ed-urg: 1 (most urgent) to 9
    # isascii: str.isdigit also takes "²" and other digits int() refuses; a few characters
    # at most, since int() refuses thousands of digits too
    value = value.strip()
    if not (value.isascii() and value.isdigit() and len(value) <= 3):
        return None
    return int(value) if 1 <= int(value) <= 9 else None


def _ednote_and_signals(
    messages: Sequence[etree._Element], correction: etree._Element | None
) -> tuple[str, frozenset[Signal]]:
    # docdata/ed-msg@info, and the first docdata/correction (NITF 3.x, its @info is a note too)
    notes = [_attr(msg, "info") for msg in messages]
    if correction is None and not notes:
        return "", frozenset()  # what the lines below give, without the work
    signals: set[Signal] = set()
    if correction is not None:
        signals.add(Signal.CORRECTION)
        notes.append(_attr(correction, "info"))
    if any(_CORRECTION.search(note) for note in notes):
        signals.add(Signal.CORRECTION)
    unique = dict.fromkeys(_WHITESPACE.sub(" ", n) for n in notes if n)
    return " ".join(unique), frozenset(signals)


def _subjects(tobjects: Sequence[etree._Element]) -> Iterator[Subject]:
    # tobject/tobject.subject@tobject.subject.refnum: IPTC Subject Codes (8 digits). The
    # label is the one of the code's level: type (NN000000), matter (NNNNN000), detail.
    seen: set[str] = set()
    for tobject in tobjects:
        for subject in _children(tobject, "tobject.subject"):
            refnum = _attr(subject, "tobject.subject.refnum")
            if not refnum or refnum in seen:
                continue
            seen.add(refnum)
            level = _TYPE if refnum.endswith("000000") else _MATTER if refnum.endswith("000") else _DETAIL
            name = (
                _attr(subject, level)
                or _attr(subject, _DETAIL)
                or _attr(subject, _MATTER)
                or _attr(subject, _TYPE)
            )
            yield Subject(code=f"subj:{refnum}", name=name)


def _body_html(content: etree._Element | None, *, copy_first: bool) -> str:
    """``body.content`` as sanitized HTML; ``block`` unwrapped, ``hl2`` as ``h2``, no media.

    ``content`` is used up, unless ``copy_first`` says to work on a copy of it.
    """
    if content is None:
        return ""
    if copy_first:
        content = copy.deepcopy(content)
    etree.strip_elements(content, *_DROP_TAGS, with_tail=False)
    etree.strip_tags(content, *_UNWRAP_TAGS)
    for element in list(content.iter("{*}*")):
        tag = element.tag  # elements only: the tag is a string
        name = tag.rpartition("}")[2]
        if name == "p" and not len(element) and not (element.text or "").strip():
            drop_element(element)  # an empty <p/> would be read by HTML as an unclosed <p>
            continue
        html_name = _RENAME.get(name, name)  # also drops the namespace
        if html_name != tag:
            element.tag = html_name
        attributes = element.attrib
        if attributes:  # most body elements have none
            if _XML_LANG in attributes:  # xml:lang wins over a lang beside it
                element.set("lang", str(attributes.pop(_XML_LANG)))
            plain_attributes(element)
    return sanitize_body(html_inside(content))

