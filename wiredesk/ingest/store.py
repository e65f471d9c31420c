"""The only code that writes ``Story`` and ``StoryVersion`` rows.

``load_stories`` reads, in two queries however many stories, the rows and what the decider
needs about them; ``write`` writes the decider's intents (of one payload or of a whole
batch of payloads, in arrival order) with a fixed number of queries: one insert of new
stories, one of versions, one prepared update of the stories that changed, one insert of
events. Stories are held as ``StoryRow`` values, not model instances (``_rows``).

Does not decide anything: every rule is in ``decide.py``; does not own the transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from wiredesk.ingest import _rows, _sql
from wiredesk.ingest._rows import STORY_FIELDS_WRITTEN, STORY_ROW_COLUMNS, StoryRow
from wiredesk.ingest.types import StoryForUpdate, StoryUpdateIntent, VersionKey
from wiredesk.stories.models import Agency, Section, Story, StoryEvent, StoryVersion

__all__ = ["STORY_FIELDS_WRITTEN", "Entry", "StoryKey", "StoryRow", "load_stories", "write"]

StoryKey = tuple[int, str]
"""A story as the ingest knows it before it has a row: (agency pk, agency's id)."""

# Keys per SELECT: far below every backend's limit on query parameters.
_CHUNK = 2000


@dataclass(frozen=True, slots=True)
class Entry:
    """One intent to write, with the agency it belongs to and the id of the payload that brought it."""

    agency: Agency
    intent: StoryUpdateIntent
    payload_id: int | None

    @property
    def key(self) -> StoryKey:
        return (self.agency.pk, self.intent.data.agency_id)


def load_stories(keys: Collection[StoryKey]) -> tuple[dict[StoryKey, StoryRow], dict[StoryKey, StoryForUpdate]]:
    """The stored stories among ``keys`` and what the decider needs about them."""
    stories: dict[StoryKey, StoryRow] = {}
    ordered = sorted(keys)
    for start in range(0, len(ordered), _CHUNK):
        by_agency: dict[int, list[str]] = {}
        for agency_pk, wire_id in ordered[start : start + _CHUNK]:
            by_agency.setdefault(agency_pk, []).append(wire_id)
        query = Q()
        for agency_pk, wire_ids in by_agency.items():
            query |= Q(agency_id=agency_pk, wire_id__in=wire_ids)
        found = Story.objects.filter(query).values_list(*STORY_ROW_COLUMNS)
        stories.update({(s.agency_id, s.wire_id): s for s in (StoryRow(*row) for row in found)})
    if not stories:
        return {}, {}
    hashes: dict[int, set[str]] = {s.pk: set() for s in stories.values()}
    current: dict[int, tuple[VersionKey, str]] = {}
    currents = {s.current_version_id for s in stories.values()}
    ids = list(hashes)
    for start in range(0, len(ids), _CHUNK):
        rows = StoryVersion.objects.filter(story_id__in=ids[start : start + _CHUNK]).values_list(
            "pk", "story_id", "content_hash", "version_number", "version_created", "headline"
        )
        for pk, story_id, digest, number, created, headline in rows:
            hashes[story_id].add(digest)
            if pk in currents:
                current[pk] = (VersionKey(number=number, created=created), headline)
    states = {}
    for key, story in stories.items():
        version_key, headline = current.get(story.current_version_id or 0, (VersionKey(None, None), ""))
        states[key] = StoryForUpdate(
            story_id=story.pk,
            current=version_key,
            content_hashes=frozenset(hashes[story.pk]),
            killed=story.agency_killed,
            headline=headline,
        )
    return stories, states


def _insertion_order(entries: Sequence[Entry], new: dict[StoryKey, StoryRow]) -> list[StoryRow]:
    """The ``new`` rows payload by payload in arrival order, each payload's items last to first.

    Lists sort newest first by ``(first_published, pk)`` and a feed lists its newest item
    first: when items of one payload share a publication time (or have none, and take the
    receipt time), the feed's first item must get the highest id to be listed first
    (issue #11). A later payload's stories still get higher ids than an earlier one's.
    """
    payloads: list[list[StoryRow]] = []
    previous: object = object()  # no payload id equals it: the first entry opens a payload
    placed: set[StoryKey] = set()
    for entry in entries:
        if entry.payload_id != previous:
            payloads.append([])
            previous = entry.payload_id
        key = entry.key
        if key in new and key not in placed:
            placed.add(key)
            payloads[-1].append(new[key])
    return [row for rows in payloads for row in reversed(rows)]


def write(
    entries: Sequence[Entry],
    stories: dict[StoryKey, StoryRow],
    *,
    now: datetime,
    section: Section | None = None,
    hold: bool = False,
) -> None:
    """Write ``entries`` (in arrival order) onto ``stories``, adding the stories created.

    ``stories`` must hold every stored story the entries name (``load_stories`` in the same
    transaction); the caller owns the transaction.
    """
    new: dict[StoryKey, StoryRow] = {}
    for entry in entries:
        key = entry.key
        if entry.intent.store_version and key not in stories and key not in new:
            new[key] = _rows.new_story(entry.agency, entry.intent, now=now, section=section, hold=hold)
    if new:
        _rows.insert_stories(_insertion_order(entries, new))
        stories.update(new)
    rows = [(entry, stories[entry.key]) for entry in entries if entry.intent.store_version]
    if not rows:
        return
    before = {id(story): _rows.snapshot(story) for _, story in rows}
    version_ids = _sql.insert(StoryVersion, [_rows.version_row(s, e.intent, e.payload_id, now) for e, s in rows])
    events = []
    touched: dict[int, StoryRow] = {}
    for (entry, story), version_id in zip(rows, version_ids, strict=True):
        _rows.apply(story, entry.intent, version_id, now)
        touched[id(story)] = story
        events.append({
            "story_id": story.pk, "action": entry.intent.action.value, "actor": "agency",
            "reason": entry.intent.reason, "version_id": version_id, "created": now,
        })  # fmt: skip
    created = {id(s) for s in new.values()}
    _rows.update_stories([s for ref, s in touched.items() if ref in created or _rows.snapshot(s) != before[ref]])
    _sql.insert(StoryEvent, events)
