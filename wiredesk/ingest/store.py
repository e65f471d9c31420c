"""The only code that writes ``Story`` and ``StoryVersion`` rows.

``load_for_update`` reads what the decider needs; ``write_intents`` writes the decider's
intents for one payload in one transaction, with a fixed number of queries however many
stories the payload holds (bulk inserts and one bulk update).

Does not decide anything: every rule is in ``decide.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction

from wiredesk.ingest.decide import version_key
from wiredesk.ingest.types import Action, StoryData, StoryForUpdate, StoryUpdateIntent, VersionKey
from wiredesk.stories.models import Agency, RawPayload, Section, Story, StoryEvent, StoryVersion

STORY_FIELDS_WRITTEN = (
    "status", "current_version", "last_modified", "killed_at", "embargoed_until",
    "first_published", "needs_review",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Written:
    """One intent after it was written: the story it landed on."""

    intent: StoryUpdateIntent
    story: Story


def load_for_update(agency: Agency, agency_ids: Iterable[str]) -> dict[str, StoryForUpdate]:
    """What the database holds about these stories of ``agency``, keyed by agency id."""
    stories = list(Story.objects.filter(agency=agency, wire_id__in=set(agency_ids)).select_related("current_version"))
    if not stories:
        return {}
    hashes: dict[int, set[str]] = {s.pk: set() for s in stories}
    for story_id, digest in StoryVersion.objects.filter(story__in=stories).values_list("story_id", "content_hash"):
        hashes[story_id].add(digest)
    return {s.wire_id: for_update(s, frozenset(hashes[s.pk])) for s in stories}


def for_update(story: Story, hashes: frozenset[str]) -> StoryForUpdate:
    version = story.current_version
    current = (
        VersionKey(number=version.version_number, created=version.version_created)
        if version is not None
        else VersionKey(number=None, created=None)
    )
    return StoryForUpdate(
        story_id=story.pk,
        current=current,
        content_hashes=hashes,
        killed=story.status == Story.Status.KILLED,
        headline=version.headline if version is not None else "",
    )


def _version_row(story: Story, intent: StoryUpdateIntent, payload: RawPayload | None, now: datetime) -> StoryVersion:
    data: StoryData = intent.data
    return StoryVersion(
        story=story,
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
        content_hash=intent.content_hash,
        raw_payload=payload,
        received=now,
    )


def _apply(story: Story, intent: StoryUpdateIntent, version: StoryVersion, now: datetime) -> None:
    """Move the story's state on after ``version`` was written (in memory; saved in bulk)."""
    if intent.make_current:
        story.current_version = version
        agency_time = version.version_created or now
        story.last_modified = max(t for t in (agency_time, story.desk_modified) if t is not None)
        if intent.headline_changed and story.headline_override:
            story.needs_review = True
    if intent.kill and story.status != Story.Status.KILLED:
        story.status = Story.Status.KILLED
        story.killed_at = now


def write_intents(
    agency: Agency,
    intents: Sequence[StoryUpdateIntent],
    *,
    payload: RawPayload | None,
    now: datetime,
    section: Section | None = None,
    hold: bool = False,
) -> list[Written]:
    """Write ``intents`` (in arrival order) in one transaction; return where each landed."""
    with transaction.atomic():
        ids = {i.data.agency_id for i in intents}
        stories = {
            s.wire_id: s for s in Story.objects.filter(agency=agency, wire_id__in=ids).select_related("current_version")
        }
        created = _create_stories(agency, intents, stories, now=now, section=section, hold=hold)
        rows = [(intent, stories[intent.data.agency_id]) for intent in intents if intent.store_version]
        versions = StoryVersion.objects.bulk_create([_version_row(s, i, payload, now) for i, s in rows])
        changed: dict[int, Story] = {s.pk: s for s in created}
        events = []
        for (intent, story), version in zip(rows, versions, strict=True):
            _apply(story, intent, version, now)
            changed[story.pk] = story
            events.append(
                StoryEvent(
                    story=story, action=intent.action.value, actor="agency", reason=intent.reason,
                    version=version, created=now,
                )
            )  # fmt: skip
        if changed:
            Story.objects.bulk_update(list(changed.values()), STORY_FIELDS_WRITTEN)
        StoryEvent.objects.bulk_create(events)
        if payload is not None and payload.outcome != RawPayload.Outcome.OK:
            RawPayload.objects.filter(pk=payload.pk).update(outcome=RawPayload.Outcome.OK, error="")
            payload.outcome = RawPayload.Outcome.OK
    return [Written(intent=i, story=stories[i.data.agency_id]) for i in intents if i.data.agency_id in stories]


def _create_stories(
    agency: Agency,
    intents: Sequence[StoryUpdateIntent],
    stories: dict[str, Story],
    *,
    now: datetime,
    section: Section | None,
    hold: bool,
) -> list[Story]:
    new: dict[str, Story] = {}
    for intent in intents:
        agency_id = intent.data.agency_id
        if agency_id in stories or agency_id in new or not intent.store_version:
            continue
        status = Story.Status.HELD if hold else Story.Status.PUBLISHED
        embargo = intent.data.embargoed if intent.action is Action.EMBARGOED else None
        new[agency_id] = Story(
            agency=agency,
            wire_id=agency_id,
            status=status,
            section=section,
            created=now,
            last_modified=intent.data.version_created or now,
            embargoed_until=embargo,
            first_published=(embargo or now) if status == Story.Status.PUBLISHED else None,
        )
    created = Story.objects.bulk_create(new.values())
    stories.update({s.wire_id: s for s in created})
    return created
