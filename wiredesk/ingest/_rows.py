"""Row builders of ``store``: kept apart so ``store`` reads as the plan.

``StoryRow`` is a story as the ingest holds it; ``version_row`` turns an intent into a
``StoryVersion`` row; ``new_story`` builds the row of a story seen for the first time;
``lifecycle_state`` reads a row's lifecycle fields and ``set_state`` writes the next ones
(worked out by ``wiredesk.stories.lifecycle``, never here) into it, in memory;
``update_stories`` saves the rows with one ``executemany`` of a plain
``UPDATE … WHERE id = %s`` (``_sql``) — much cheaper than ``QuerySet.bulk_update``'s
``CASE WHEN`` statement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from wiredesk.ingest import _sql
from wiredesk.ingest.decide import version_key
from wiredesk.ingest.types import StoryData, StoryUpdateIntent
from wiredesk.stories.lifecycle import StoryState
from wiredesk.stories.models import Agency, Section, Story

STORY_FIELDS_WRITTEN = (
    "status", "current_version", "last_modified", "killed_at", "embargoed_until",
    "first_published", "needs_review", "agency_killed",
)  # fmt: skip

_ATTNAMES = tuple(Story._meta.get_field(name).attname for name in STORY_FIELDS_WRITTEN)  # type: ignore[union-attr]


@dataclass(slots=True)
class StoryRow:
    """A ``Story`` row as the ingest reads and writes it: plain values, not a model instance.

    The ingest reads these columns, changes some (``STORY_FIELDS_WRITTEN``) and writes them
    back; a ``Story`` instance per story (``Model.__init__`` walks every field and sends two
    signals) cost it a tenth of a second per 10,000 stories for nothing. Attribute names are
    the model's attnames, so ``_sql.update`` reads a row as it would read an instance. Columns
    not here (``pinned``…) take the model's defaults when a new row is inserted.
    """

    pk: int  # 0 until a new row is inserted (database ids start at 1)
    agency_id: int
    wire_id: str
    status: str
    current_version_id: int | None
    last_modified: datetime
    killed_at: datetime | None
    embargoed_until: datetime | None
    first_published: datetime | None
    needs_review: bool = False
    desk_modified: datetime | None = None
    headline_override: str = ""
    section_id: int | None = None
    created: datetime | None = None
    agency_killed: bool = False


STORY_ROW_COLUMNS = tuple(f.name for f in fields(StoryRow))
"""``Story.objects.values_list(*STORY_ROW_COLUMNS)`` rows are ``StoryRow(*row)`` arguments; ``pk`` first."""


def insert_stories(rows: Sequence[StoryRow]) -> None:
    """Insert new ``rows`` (one statement) and give each its id."""
    values = [{name: getattr(row, name) for name in STORY_ROW_COLUMNS[1:]} for row in rows]
    for row, pk in zip(rows, _sql.insert(Story, values), strict=True):
        row.pk = pk


def version_row(story: StoryRow, intent: StoryUpdateIntent, payload_id: int | None, now: datetime) -> dict[str, Any]:
    """The ``StoryVersion`` row of ``intent`` (attname → value, for ``_sql.insert``)."""
    data: StoryData = intent.data
    return dict(
        story_id=story.pk,
        agency_version=data.version[:50],
        version_number=version_key(data).number,
        headline=data.headline[:500],
        subheadline=data.subheadline[:500],
        abstract=data.abstract,
        slugline=data.slugline[:200],
        body_html=data.body_html,
        byline=data.byline[:500],
        dateline=data.dateline[:300],
        located=data.located[:200],
        language=data.language[:20],
        urgency=data.urgency,
        pubstatus=data.pubstatus.value,
        signals=sorted(s.value for s in data.signals),
        is_correction=intent.correction,
        embargoed=data.embargoed,
        first_created=data.first_created,
        version_created=data.version_created,
        subjects=[{"code": s.code, "name": s.name} for s in data.subjects],
        ednote=data.ednote,
        copyright=data.copyright[:500],
        link=data.link[:1000],
        format=data.format,
        notes=list(data.notes),
        content_hash=intent.content_hash,
        raw_payload_id=payload_id,
        received=now,
    )


def new_story(agency: Agency, wire_id: str, state: StoryState, *, now: datetime, section: Section | None) -> StoryRow:
    """The row of the story ``wire_id``, first seen now, in ``state``; ``set_state`` sets its current version."""
    return StoryRow(
        pk=0,
        agency_id=agency.pk,
        wire_id=wire_id,
        status=state.status,
        current_version_id=None,
        last_modified=state.last_modified,
        killed_at=state.killed_at,
        embargoed_until=state.embargoed_until,
        first_published=state.first_published,
        needs_review=state.needs_review,
        section_id=section.pk if section is not None else None,
        created=now,
        agency_killed=state.agency_killed,
    )


def lifecycle_state(story: StoryRow) -> StoryState:
    """The lifecycle fields of ``story`` (for ``lifecycle.next_state``)."""
    return StoryState(
        status=story.status,
        last_modified=story.last_modified,
        agency_killed=story.agency_killed,
        killed_at=story.killed_at,
        embargoed_until=story.embargoed_until,
        first_published=story.first_published,
        desk_modified=story.desk_modified,
        needs_review=story.needs_review,
        headline_override=story.headline_override,
    )


def set_state(story: StoryRow, state: StoryState, current_version_id: int | None) -> None:
    """Put ``state`` and the current version into ``story`` (in memory; saved by ``update_stories``).

    The desk's own fields (``desk_modified``, ``headline_override``) are only read by the
    ingest: an agency version never changes them.
    """
    story.status = state.status
    story.current_version_id = current_version_id
    story.last_modified = state.last_modified
    story.killed_at = state.killed_at
    story.embargoed_until = state.embargoed_until
    story.first_published = state.first_published
    story.needs_review = state.needs_review
    story.agency_killed = state.agency_killed


def snapshot(story: StoryRow) -> tuple[Any, ...]:
    """The written fields of ``story``, to tell afterwards whether it changed."""
    return tuple(getattr(story, name) for name in _ATTNAMES)


def update_stories(stories: Sequence[StoryRow]) -> None:
    """Save the written fields of ``stories``: one prepared ``UPDATE`` run for every row."""
    _sql.update(Story, STORY_FIELDS_WRITTEN, stories)
