"""Parse IPTC ninjs (1.x, 2.x, 3.x) and its vendor dialects into ``StoryData``.

Reads one ninjs object, a JSON list of them, or a wrapper object holding the list under
``items``, ``item``, ``data`` or ``_items`` (agency APIs such as the BBC's and Eve-based
Superdesk). Each object is one story version; field reading lives in ``_ninjs_fields``.

What counts as a text story: ``type`` ``text`` (also written as a qcode or URI,
``ninat:text``) or a vendor's word for it (``story``, ``article``, ``preformatted``; see
``TEXT_TYPES``), or no ``type`` at all (ninjs makes it optional and text is what wires
send) unless the object carries event details. Every
other type — ``picture``, ``graphic``, ``video``, ``audio``, ``composite``, ``component``,
``event``, ``planning``, vendor types such as the BBC's ``advisory`` — is not a story the
desk republishes: in a list it is passed over silently, and a payload holding nothing else
raises ``NotATextStory``. An object of a list that cannot be read (no identifier, no
headline, unknown status) becomes a ``SkippedItem`` whose ``position`` is its place
in the list, counted from 1; the other objects still count. A single-object payload raises.

Corrections: ninjs has no standard signal; only an explicit ``signals``/``signal`` entry
marks one (see ``_ninjs_fields.signals``). Does not follow ``associations`` (pictures,
related items), does not fetch anything, and does not validate against the ninjs schemas.
"""

from __future__ import annotations

from typing import Any, Final

from wiredesk.ingest.dates import first_date
from wiredesk.ingest.exceptions import NotATextStory, ParseError
from wiredesk.ingest.formats import _ninjs_fields as fields
from wiredesk.ingest.formats import jsonfeed
from wiredesk.ingest.formats._json import JsonObject, first_text, load_json, text_value
from wiredesk.ingest.types import ParseResult, SkippedItem, StoryData
from wiredesk.text import plain_text

FORMAT: Final = "ninjs"
WRAPPER_KEYS: Final = ("items", "item", "data", "_items")
# keys that make an object a news item rather than a wrapper around a list of items
_ITEM_KEYS: Final = frozenset({"uri", "guid", "type", "headline", "headlines", "body_html", "body_text", "bodies"})
# ninjs 3.x events may omit "type"; these keys give them away
_EVENT_KEYS: Final = ("eventDetails", "plannedCoverage")
_MAX_WRAPPER_DEPTH: Final = 3
# ninjs "type" values that mean a text story: IPTC's "text", and the words vendors use for
# one — "story" and "article" (Reuters, AP-style APIs), Superdesk's "preformatted" text.
TEXT_TYPES: Final = frozenset({"text", "story", "article", "preformatted"})


def parse(data: bytes, *, url: str = "") -> ParseResult:
    """Parse a ninjs payload; raise ``ParseError`` / ``NotATextStory`` when nothing is usable."""
    root = load_json(data, FORMAT)
    if isinstance(root, dict) and "jsonfeed.org/version/" in text_value(root.get("version")):
        # detect.py looks at the head of the payload only; a JSON Feed can land here
        return jsonfeed.parse(data, url=url)
    objects, single = _unwrap(root, 0)
    if single:
        return ParseResult(format=FORMAT, stories=(_single(objects[0]),))
    stories: list[StoryData] = []
    skipped: list[SkippedItem] = []
    other_types: list[str] = []
    for position, obj in enumerate(objects, start=1):  # positions count from 1, as people do
        if not isinstance(obj, dict):
            skipped.append(SkippedItem(position, f"Item {position}: the ninjs list entry is not a JSON object."))
            continue
        kind = _non_text_kind(obj)
        if kind:
            other_types.append(kind)
            continue
        try:
            stories.append(_story(obj))
        except ParseError as exc:
            skipped.append(SkippedItem(position, f"Item {position}: {_lower_first(str(exc))}"))
        except (TypeError, ValueError, AttributeError, KeyError) as exc:  # a shape nobody foresaw
            skipped.append(SkippedItem(position, f"Item {position}: the ninjs item could not be read ({exc})."))
    if not stories and not skipped:
        if not other_types:
            raise NotATextStory("Not a text story: the ninjs payload holds no items.")
        kinds = ", ".join(sorted(set(other_types)))
        raise NotATextStory(f"Not a text story: the ninjs payload holds only {kinds} items.")
    return ParseResult(format=FORMAT, stories=tuple(stories), skipped=tuple(skipped))


def _unwrap(root: Any, depth: int) -> tuple[list[Any], bool]:
    """The objects to read, and whether the payload was one bare object."""
    if isinstance(root, list):
        return root, False
    if not isinstance(root, dict):
        raise ParseError("The ninjs payload is neither a JSON object nor a list of objects.")
    if depth < _MAX_WRAPPER_DEPTH and not _ITEM_KEYS.intersection(root):
        for key in WRAPPER_KEYS:
            inner = root.get(key)
            if isinstance(inner, list):
                return inner, False
            if isinstance(inner, dict):
                objects, _ = _unwrap(inner, depth + 1)
                return objects, False
    return [root], True


def _single(obj: JsonObject) -> StoryData:
    kind = _non_text_kind(obj)
    if kind:
        raise NotATextStory(f"Not a text story: this ninjs item is of type {kind!r}.")
    try:
        return _story(obj)
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise ParseError(f"The ninjs item could not be read ({exc}).") from exc


def _non_text_kind(obj: JsonObject) -> str:
    """``""`` for a text story, else the item's type as the agency named it.

    ``advisory`` (BBC) and other vendor types are not text stories either: the desk
    republishes stories, not notes to editors.
    """
    written = text_value(obj.get("type"))
    # a plain word, or a NewsCodes qcode / URI ("ninat:text", ".../ninature/text")
    kind = written.lower().rstrip("/").rpartition("/")[2].rpartition(":")[2]
    if not kind:
        return "event" if any(key in obj for key in _EVENT_KEYS) else ""
    if kind == "composite" and any(obj.get(key) for key in ("bodies", "body_html", "body_text")):
        # A composite with a body is an article with its pictures attached (ninjs 3.x
        # examples, Business Wire): the text is the story, the pictures are not read.
        return ""
    return "" if kind in TEXT_TYPES else written


def _story(obj: JsonObject) -> StoryData:
    agency_id = first_text(obj, "uri", "guid", "id")
    if not agency_id:
        raise ParseError("The ninjs item has no identifier (uri, guid or id).")
    headline, subheadline = fields.headlines(obj)
    if not headline:
        raise ParseError(f"The ninjs item {agency_id[:100]} has no headline.")
    notes: list[str] = []
    body_html = fields.body_html(obj, notes)
    # ninjs 2.x/3.x: contentCreated dates the content; it stands in for an empty firstCreated
    first_created = first_date(
        [("firstCreated", first_text(obj, "firstCreated", "firstcreated")),
         ("contentCreated", first_text(obj, "contentCreated", "contentcreated"))],
        notes,
    )  # fmt: skip
    version_created = first_date([("versionCreated", first_text(obj, "versionCreated", "versioncreated"))], notes)
    embargoed = first_date(
        [("embargoedUntil", first_text(obj, "embargoedUntil", "embargoed"))], notes, "no embargo applied"
    )
    return StoryData(
        agency_id=agency_id,
        headline=headline,
        body_html=body_html,
        version=text_value(obj.get("version")),
        abstract=fields.abstract(obj),
        subheadline=subheadline,
        slugline=plain_text(first_text(obj, "slugline")),
        byline=fields.byline(obj),
        dateline=fields.place_text(obj.get("dateline"), "text"),
        located=fields.place_text(obj.get("located"), "name", "city"),
        language=first_text(obj, "language"),
        urgency=fields.urgency(obj),
        pubstatus=fields.pubstatus(obj),
        signals=fields.signals(obj),
        first_created=first_created,
        version_created=version_created,
        embargoed=embargoed,
        subjects=fields.subjects(obj),
        provider=fields.provider(obj),
        link=fields.link(obj),
        ednote=plain_text(first_text(obj, "edNote", "ednote")),
        copyright=plain_text(first_text(obj, "copyrightNotice", "copyrightnotice")),
        format=FORMAT,
        notes=tuple(notes),
    )


def _lower_first(message: str) -> str:
    return message[:1].lower() + message[1:]
