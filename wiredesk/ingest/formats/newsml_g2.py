"""Parse IPTC NewsML-G2 (``http://iptc.org/std/nar/2006-10-01/``) text items into stories.

Reads a single ``newsItem`` or a ``newsMessage`` whose ``itemSet`` holds several items. Each
text ``newsItem`` is one story version: its ``guid`` is the agency id, its ``itemMeta`` gives
status, signals and times, its ``contentMeta`` the headline and the other descriptive
metadata, and its ``contentSet`` the body (NITF or XHTML in ``inlineXML``, plain text in
``inlineData``; see ``_g2_body``). Empty item times fall back to contentMeta's
contentModified / contentCreated, then to an XHTML header's time; what was used instead,
or could not be read, is said in ``StoryData.notes``. Items that are not text — packages,
concept and knowledge items, pictures, graphics, video, audio — are left out; when a
payload holds nothing else it is refused with ``NotATextStory`` naming what it was. Inside
a ``newsMessage`` one news item that cannot be read becomes a ``SkippedItem`` and the
others are still returned.

Does not fetch ``remoteContent`` (parsers never touch the network), resolve catalogs,
follow ``itemRef``s of packages, validate against the XSD, or decode encoded ``inlineData``.
Pure: no Django, no database.
"""

from __future__ import annotations

from collections import Counter
from typing import Final

from lxml import etree

from wiredesk.ingest.dates import first_date
from wiredesk.ingest.exceptions import NotATextStory, ParseError, UnsupportedFormat
from wiredesk.ingest.formats._g2_body import read_body
from wiredesk.ingest.formats._g2_meta import (
    NON_TEXT_CLASSES,
    child,
    children,
    item_class,
    qualified,
    read_meta,
)
from wiredesk.ingest.formats._markup import Children
from wiredesk.ingest.types import ParseResult, PubStatus, SkippedItem, StoryData
from wiredesk.ingest.xmlsafe import local_name, parse_xml
from wiredesk.text import plain_text

FORMAT: Final = "newsml-g2"
HEADLINE_WORDS: Final = 12

# What a non-text item is, as (singular, plural) for the desk's messages.
_NOUNS: Final = {
    "packageItem": ("a package", "packages"),
    "conceptItem": ("a concept item", "concept items"),
    "knowledgeItem": ("a knowledge item", "knowledge items"),
    "planningItem": ("a planning item", "planning items"),
    "catalog": ("a catalog", "catalogs"),
    "picture": ("a picture", "pictures"),
    "graphic": ("a graphic", "graphics"),
    "video": ("a video", "videos"),
    "audio": ("an audio item", "audio items"),
    "composite": ("a composite item", "composite items"),
    "interactive": ("an interactive item", "interactive items"),
    "empty": ("a news item without text content", "news items without text content"),
}
_CLASS_ALIASES: Final = {"photo": "picture", "image": "picture", "graphics": "graphic"}
_MEDIA_MAJOR: Final = {"image": "picture", "video": "video", "audio": "audio"}
_KILL_HEADLINES: Final = {
    PubStatus.CANCELED: "Canceled by the agency",
    PubStatus.WITHHELD: "Withheld by the agency",
}


class _NotTextItem(NotATextStory):
    """A news item that is not a text story; ``kind`` is a key of ``_NOUNS``."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


def parse(data: bytes, *, url: str = "") -> ParseResult:
    """Parse a NewsML-G2 ``newsItem`` or ``newsMessage`` into its text stories.

    Raises ``NotATextStory`` when the payload holds no text story, ``ParseError`` when a
    single news item cannot be read. Does not raise for one bad item of a news message.
    """
    root = parse_xml(data)
    name = local_name(root)
    if name == "newsItem":
        try:
            story = story_from_item(root, url=url)
        except _NotTextItem as exc:
            raise NotATextStory(str(exc)) from None
        return ParseResult(format=FORMAT, stories=(story,))
    if name == "newsMessage":
        return _parse_message(root, url=url)
    if name in _NOUNS:
        raise NotATextStory(f"Not a text story: this is {_NOUNS[name][0]} in NewsML-G2, not a news item.")
    raise UnsupportedFormat(f"Unsupported format: <{name}> is not a NewsML-G2 newsItem or newsMessage.")


def _parse_message(root: etree._Element, *, url: str) -> ParseResult:
    # NewsML-G2 spec, News Message: header + itemSet, "any item from the IPTC News
    # Architecture namespace" (XSD newsMessage/itemSet).
    items = [node for node in children(root, "itemSet") for node in node if isinstance(node.tag, str)]
    stories: list[StoryData] = []
    skipped: list[SkippedItem] = []
    others: Counter[str] = Counter()
    for position, item in enumerate(items, start=1):  # positions count from 1, as people do
        kind = local_name(item)
        if kind != "newsItem":
            others[kind] += 1
            continue
        try:
            stories.append(story_from_item(item, url=url))
        except _NotTextItem as exc:
            others[exc.kind] += 1
        except ParseError as exc:
            skipped.append(SkippedItem(position=position, reason=str(exc)))
        except Exception as exc:  # noqa: BLE001 - one bad item never loses the others
            skipped.append(SkippedItem(position=position, reason=f"Unreadable news item: {exc!r}"))
    if not stories and not skipped:
        held = f"{_describe(others)}, and no text story" if others else "no items"
        raise NotATextStory(f"Not a text story: the NewsML-G2 news message holds {held}.")
    return ParseResult(format=FORMAT, stories=tuple(stories), skipped=tuple(skipped))


def _describe(counts: Counter[str]) -> str:
    parts = []
    for kind, count in counts.items():
        singular, plural = _NOUNS.get(kind, (f"a <{kind}> element", f"<{kind}> elements"))
        parts.append(singular if count == 1 else f"{count} {plural}")
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def story_from_item(item: etree._Element, *, url: str = "") -> StoryData:
    """Turn one ``newsItem`` element into a ``StoryData``.

    Raises ``NotATextStory`` for a picture, graphic, video, audio or empty item and
    ``ParseError`` for a text item without a ``guid``. ``url`` is where the payload came
    from; it is not the story's link. Does not fetch ``remoteContent``.
    """
    parts = Children(item)
    item_meta = parts.first("itemMeta")
    kind = _non_text_class(item_meta)
    if kind:
        code = qualified(child(item_meta, "itemClass"))
        raise _NotTextItem(f"Not a text story: this NewsML-G2 news item is {_NOUNS[kind][0]} ({code}).", kind)
    meta = read_meta(item, parts)
    renditions = _renditions(parts.first("contentSet"))
    body = read_body(renditions, meta.headline)
    if not body.html:
        media = _media_kind(renditions)
        if media:
            raise _NotTextItem(
                f"Not a text story: this NewsML-G2 news item is {_NOUNS[media][0]}, without text.", media
            )
        if not (meta.headline or body.headline or meta.title) and meta.pubstatus is PubStatus.USABLE:
            raise _NotTextItem("Not a text story: this NewsML-G2 news item has no text and no headline.", "empty")
    # XSD: newsItem/@guid is required. It is the story's id across versions (the version
    # is @version), so it is used as given — even when an agency ends it in ":5".
    guid = (item.get("guid") or "").strip()
    if not guid:
        raise ParseError("The NewsML-G2 news item has no guid, so its story cannot be identified.")
    headline = (
        meta.headline
        or body.headline
        or meta.title
        or meta.slugline
        or _first_words(body.html)
        or _KILL_HEADLINES.get(meta.pubstatus, guid)
    )
    notes = list(body.notes)
    # NewsML-G2 2.35 XSD: versionCreated is "the date and time when this version of the
    # Item was created", firstCreated "when the Item was first created"; contentMeta's
    # contentModified / contentCreated date the content itself and stand in when the
    # agency left the item's own times empty, then the XHTML header's time.
    header_time = body.header.time
    first_created = first_date(
        [("firstCreated", meta.first_created), ("contentCreated", meta.content_created),
         ("XHTML header time", header_time)],
        notes,
    )  # fmt: skip
    version_created = first_date(
        [("versionCreated", meta.version_created), ("contentModified", meta.content_modified),
         ("contentCreated", meta.content_created), ("XHTML header time", header_time)],
        notes,
    )  # fmt: skip
    embargoed = first_date([("embargoed", meta.embargoed)], notes, "no embargo applied")
    return StoryData(
        agency_id=guid,
        headline=headline,
        body_html=body.html,
        version=meta.version,
        abstract=meta.abstract or body.abstract,
        subheadline=meta.subheadline or body.subheadline,
        slugline=meta.slugline or body.header.slugline,
        byline=meta.byline or body.byline,
        dateline=meta.dateline or body.header.dateline,
        located=meta.located,
        language=meta.language,
        urgency=meta.urgency,
        pubstatus=meta.pubstatus,
        signals=meta.signals,
        first_created=first_created,
        version_created=version_created,
        embargoed=embargoed,
        subjects=meta.subjects,
        provider=meta.provider,
        ednote=meta.ednote,
        copyright=meta.copyright,
        format=FORMAT,
        notes=tuple(dict.fromkeys(notes)),
    )


def _non_text_class(item_meta: etree._Element | None) -> str:
    code = item_class(item_meta)
    if code not in NON_TEXT_CLASSES:
        return ""
    return _CLASS_ALIASES.get(code, code)


def _media_kind(renditions: list[etree._Element]) -> str:
    """``picture``/``video``/``audio`` when every rendition is such media, else ``""``."""
    kinds = {
        _MEDIA_MAJOR.get((node.get("contenttype") or "").partition("/")[0].strip().lower(), "")
        for node in renditions
    }
    return kinds.pop() if len(kinds) == 1 else ""


def _renditions(content_set: etree._Element | None) -> list[etree._Element]:
    """The child elements of the item's first ``contentSet``, in document order."""
    return [] if content_set is None else [node for node in content_set if isinstance(node.tag, str)]


def _first_words(body_html: str) -> str:
    # Some agencies (STT) send text items without any headline; the desk still needs one.
    words = plain_text(body_html).split()
    if len(words) <= HEADLINE_WORDS:
        return " ".join(words)
    return " ".join(words[:HEADLINE_WORDS]) + "…"
