"""The only code that writes ``Story`` and ``StoryVersion`` rows.

``load_stories`` reads, in two queries however many stories, the rows and what the decider
needs about them; ``write`` writes the decider's intents (of one payload or of a whole
batch of payloads, in arrival order) with a fixed number of queries: one insert of new
stories, one of versions, one prepared update of the stories that changed, one insert of
events. Stories are held as ``StoryRow`` values, not model instances (``_rows``).

Does not decide anything: what a version means is in ``decide.py``, what it makes of the
story in ``wiredesk.stories.lifecycle`` (the caller passes the states); does not own the
transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from wiredesk.ingest import _rows, _sql
from wiredesk.ingest._rows import STORY_FIELDS_WRITTEN, STORY_ROW_COLUMNS, StoryRow
from wiredesk.ingest.types import StoryForUpdate, StoryUpdateIntent, VersionKey
from wiredesk.stories.lifecycle import StoryState
from wiredesk.stories.models import Agency, Section, Story, StoryEvent, StoryVersion

__all__ = ["STORY_FIELDS_WRITTEN", "Entry", "StoryKey", "StoryRow", "lifecycle_state", "load_stories", "write"]

lifecycle_state = _rows.lifecycle_state

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
    states: Mapping[StoryKey, StoryState],
    *,
    now: datetime,
    section: Section | None = None,
) -> None:
    """Write ``entries`` (in arrival order) onto ``stories``, adding the stories created.

    ``states`` holds, for every story an entry stores a version of, its lifecycle state
    after the batch (``lifecycle.next_state``, worked out by the pipeline); the story's
    current version is the last one an entry made current. ``stories`` must hold every
    stored story the entries name (``load_stories`` in the same transaction); the caller
    owns the transaction. New stories go in ``section``.
    """
    new: dict[StoryKey, StoryRow] = {}
    for entry in entries:
        key = entry.key
        if entry.intent.store_version and key not in stories and key not in new:
            new[key] = _rows.new_story(entry.agency, entry.intent.data.agency_id, states[key], now=now, section=section)
    if new:
        _rows.insert_stories(_insertion_order(entries, new))
        stories.update(new)
    rows = []
    for entry in entries:
        if entry.intent.store_version:
            key = entry.key
            rows.append((key, entry, stories[key]))
    if not rows:
        return
    version_ids = _sql.insert(StoryVersion, [_rows.version_row(s, e.intent, e.payload_id, now) for _, e, s in rows])
    events = []
    current: dict[StoryKey, int | None] = {}  # per story written, first seen first: the version it shows now
    for (key, entry, story), version_id in zip(rows, version_ids, strict=True):
        if entry.intent.make_current:
            current[key] = version_id
        elif key not in current:
            current[key] = story.current_version_id
        events.append({
            "story_id": story.pk, "action": entry.intent.action.value, "actor": "agency",
            "reason": entry.intent.reason, "version_id": version_id, "created": now,
        })  # fmt: skip
    changed = []
    for key, shown in current.items():
        story = stories[key]
        before = None if key in new else _rows.snapshot(story)  # a new row is always saved: its version is set now
        _rows.set_state(story, states[key], shown)
        if before is None or _rows.snapshot(story) != before:
            changed.append(story)
    _rows.update_stories(changed)
    _sql.insert(StoryEvent, events)
