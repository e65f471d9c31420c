"""Row builders of ``store``: kept apart so ``store`` reads as the plan.

``StoryRow`` is a story as the ingest holds it; ``version_row`` turns an intent into a
``StoryVersion`` row; ``new_story`` builds the row of a story seen for the first time;
``apply`` moves a story's state on after a version was written (in memory);
``update_stories`` saves those states with one ``executemany`` of a plain
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
from wiredesk.ingest.types import Action, StoryData, StoryUpdateIntent
from wiredesk.stories.models import Agency, Section, Story
from wiredesk.stories.pubtime import agency_publication_time

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


def new_story(
    agency: Agency, intent: StoryUpdateIntent, *, now: datetime, section: Section | None, hold: bool
) -> StoryRow:
    """The row of a story first seen with ``intent`` (its current version is set by ``apply``).

    A story published now is listed at the agency's publication time (``pubtime``), not at
    ``now``: lists sort by ``first_published`` (issue #11). A held one gets it when the desk
    publishes it.
    """
    status = Story.Status.HELD if hold else Story.Status.PUBLISHED
    embargo = intent.data.embargoed if intent.action is Action.EMBARGOED else None
    published = agency_publication_time(
        first_created=intent.data.first_created,
        version_created=intent.data.version_created,
        received=now,
        embargo=embargo,
    )
    return StoryRow(
        pk=0,
        agency_id=agency.pk,
        wire_id=intent.data.agency_id,
        status=status,
        current_version_id=None,
        last_modified=intent.data.version_created or now,
        killed_at=None,
        embargoed_until=embargo,
        first_published=published if status == Story.Status.PUBLISHED else None,
        section_id=section.pk if section is not None else None,
        created=now,
    )


def apply(story: StoryRow, intent: StoryUpdateIntent, version_id: int, now: datetime) -> None:
    """Move the story's state on after its version ``version_id`` was written (in memory; saved in bulk)."""
    if intent.make_current:
        story.current_version_id = version_id
        agency_time = intent.data.version_created or now
        story.last_modified = max(t for t in (agency_time, story.desk_modified) if t is not None)
        if intent.headline_changed and story.headline_override:
            story.needs_review = True
    # The agency's kill is kept apart from the desk's status (Story.agency_killed): the
    # desk cannot undo it, and the agency's newer usable version lifts it without undoing a
    # hold or kill of the desk's own (wiredesk/stories/licence.py).
    if intent.kill and not story.agency_killed:
        story.agency_killed = True
        story.killed_at = now
    elif intent.revive:
        story.agency_killed = False
        if story.status != Story.Status.KILLED:  # a kill of the desk's own keeps its time
            story.killed_at = None


def snapshot(story: StoryRow) -> tuple[Any, ...]:
    """The written fields of ``story``, to tell afterwards whether it changed."""
    return tuple(getattr(story, name) for name in _ATTNAMES)


def update_stories(stories: Sequence[StoryRow]) -> None:
    """Save the written fields of ``stories``: one prepared ``UPDATE`` run for every row."""
    _sql.update(Story, STORY_FIELDS_WRITTEN, stories)
