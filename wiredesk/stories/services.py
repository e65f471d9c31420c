"""Every change a person makes to a story's state goes through here.

The CLI (``wiredesk story …``), the desk and the API call these functions; none of them
writes ``Story`` rows itself. Each action is recorded as a ``StoryEvent`` with who did it,
and the state before and after. Agency messages (updates, corrections, kills) are written by
``wiredesk.ingest.store`` instead, which records its own events.

Every status change asks ``wiredesk.stories.licence`` first: a story the agency killed
cannot be published, held or restored by anyone (``licence.LicenceError``).

Does not touch agency content: ``StoryVersion`` rows are never changed here.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone

from wiredesk.exceptions import WiredeskError
from wiredesk.stories import licence
from wiredesk.stories.models import Agency, Section, Story, StoryEvent
from wiredesk.stories.pubtime import first_publication


class StoryNotFound(WiredeskError):
    """No story has that agency id."""


class AmbiguousStory(WiredeskError):
    """Several agencies use the same id; the caller must name the agency."""


def find_story(wire_id: str, *, agency: str | None = None) -> Story:
    """The story with the agency's id ``wire_id`` (optionally of agency slug ``agency``)."""
    stories = list(Story.objects.by_wire_id(wire_id, agency).select_related("agency", "current_version")[:2])
    if not stories:
        raise StoryNotFound(f"No story with the agency id {wire_id!r}.")
    if len(stories) > 1:
        raise AmbiguousStory(f"Several agencies use the id {wire_id!r}; name one with --agency.")
    return stories[0]


def _state(story: Story) -> dict[str, Any]:
    state: dict[str, Any] = {"status": story.status, "headline_override": story.headline_override}
    if story.agency_killed:
        state["agency_killed"] = True
    return state


def _record(story: Story, action: str, actor: str, reason: str, before: dict[str, Any]) -> StoryEvent:
    return StoryEvent.objects.create(
        story=story, action=action, actor=actor, reason=reason, before=before, after=_state(story)
    )


@transaction.atomic
def set_status(story: Story, status: str, *, actor: str, reason: str = "") -> Story:
    """Publish, hold or kill ``story`` (``status`` one of ``Story.Status``).

    Raises ``licence.LicenceError`` for anything but a kill while the agency's kill stands.
    """
    if status not in Story.Status.values:
        raise WiredeskError(f"Unknown status {status!r}.")
    licence.agency_kill_is_final(story, status)
    before = _state(story)
    if story.status == status:
        return story
    now = timezone.now()
    story.status = status
    story.desk_modified = now
    fields = ["status", "desk_modified", "last_modified"]
    if status == Story.Status.PUBLISHED and story.first_published is None:
        # readers see the agency's time, even for a story the desk held first (pubtime.py)
        story.first_published = first_publication(story, now=now)
        fields.append("first_published")
    if status == Story.Status.KILLED:
        story.killed_at = now
        fields.append("killed_at")
    story.last_modified = max(story.last_modified, now)
    story.save(update_fields=fields)
    _record(story, {"published": "publish", "held": "hold", "killed": "kill"}[status], actor, reason, before)
    return story


def publish(story: Story, *, actor: str, reason: str = "") -> Story:
    return set_status(story, Story.Status.PUBLISHED, actor=actor, reason=reason)


def hold(story: Story, *, actor: str, reason: str = "") -> Story:
    return set_status(story, Story.Status.HELD, actor=actor, reason=reason)


def kill(story: Story, *, actor: str, reason: str = "") -> Story:
    return set_status(story, Story.Status.KILLED, actor=actor, reason=reason)


def restore(story: Story, *, actor: str, reason: str = "") -> Story:
    """Bring a story the desk killed or held back to the public site (never one the agency killed)."""
    return set_status(story, Story.Status.PUBLISHED, actor=actor, reason=reason or "restored by the desk")


@transaction.atomic
def set_headline(story: Story, headline: str, *, actor: str) -> Story:
    """Override the agency headline for readers; an empty ``headline`` clears the override.

    The override lives on the story, so it survives every later agency version.
    """
    headline = " ".join(headline.split())
    if len(headline) > 500:
        raise WiredeskError("A headline can have at most 500 characters.")
    before = _state(story)
    if headline == story.headline_override:
        return story
    now = timezone.now()
    story.headline_override = headline
    story.needs_review = False
    story.desk_modified = now
    story.last_modified = max(story.last_modified, now)
    story.save(update_fields=["headline_override", "needs_review", "desk_modified", "last_modified"])
    _record(story, "headline" if headline else "headline-cleared", actor, "", before)
    return story


def add_agency(slug: str, name: str, *, about: str | None = None, url: str | None = None) -> Agency:
    """Create the agency ``slug``, or update it; ``None`` leaves a field as it is."""
    changes = {"name": name, "about": about, "url": url}
    agency, _ = Agency.objects.update_or_create(slug=slug, defaults={k: v for k, v in changes.items() if v is not None})
    return agency


def add_section(slug: str, name: str, *, position: int | None = None) -> Section:
    """Create or rename the section ``slug``; ``position`` orders sections on the home page."""
    changes: dict[str, Any] = {"name": name} if position is None else {"name": name, "position": position}
    section, _ = Section.objects.update_or_create(slug=slug, defaults=changes)
    return section


@transaction.atomic
def set_section(story: Story, section: Section | None, *, actor: str) -> Story:
    """Put ``story`` in ``section`` (``None``: in no section). Agency content is untouched."""
    before = {**_state(story), "section": story.section.slug if story.section else ""}
    if story.section_id == (section.pk if section else None):
        return story
    now = timezone.now()
    story.section = section
    story.desk_modified = now
    story.last_modified = max(story.last_modified, now)
    story.save(update_fields=["section", "desk_modified", "last_modified"])
    after = {**_state(story), "section": section.slug if section else ""}
    StoryEvent.objects.create(story=story, action="section", actor=actor, before=before, after=after)
    return story


@transaction.atomic
def set_pinned(story: Story, pinned: bool, *, actor: str) -> Story:
    """Pin ``story`` to the top of its section, or unpin it.

    Does not move ``last_modified``: pinning changes where a story is listed, not the story.
    """
    if story.pinned == pinned:
        return story
    story.pinned = pinned
    story.save(update_fields=["pinned"])
    StoryEvent.objects.create(
        story=story,
        action="pin" if pinned else "unpin",
        actor=actor,
        before={**_state(story), "pinned": not pinned},
        after={**_state(story), "pinned": pinned},
    )
    return story


def set_licence(
    agency: Agency,
    *,
    attribution: str,
    expire_after_days: int | None,
    provenance_unedited: str = "",
    provenance_edited: str = "",
) -> Agency:
    """Store the licence rules of ``agency``: credit line, expiry, provenance wording.

    Kills and read-only bodies are not settings (``wiredesk.stories.licence``). The
    provenance wordings may use ``{site}`` and ``{agency}``; empty means the default words.
    """
    if expire_after_days is not None and expire_after_days < 1:
        raise WiredeskError("Stories can expire after one day at the earliest.")
    agency.attribution = " ".join(attribution.split())
    agency.expire_after_days = expire_after_days
    agency.provenance_unedited = licence.check_provenance_template(provenance_unedited)
    agency.provenance_edited = licence.check_provenance_template(provenance_edited)
    agency.save(update_fields=["attribution", "expire_after_days", "provenance_unedited", "provenance_edited"])
    return agency


def expire_stories(now: datetime | None = None, *, actor: str = "rule:licence-expiry") -> list[Story]:
    """Kill the stories that have outlived their agency's licence (``expire_after_days``).

    A story's age counts from its first publication (from its arrival when it was never
    published). An expired story is killed with the reason "licence: expired after N days",
    so it answers 410 Gone and leaves every list, like any kill. Returns the stories killed.
    Safe to run as often as wanted: killed stories are never touched again.
    """
    now = now or timezone.now()
    expired: list[Story] = []
    for agency in Agency.objects.filter(expire_after_days__isnull=False):
        days = agency.expire_after_days
        assert days is not None  # noqa: S101 - filtered above
        stories = (
            Story.objects.filter(agency=agency, agency_killed=False)
            .exclude(status=Story.Status.KILLED)
            .annotate(since=Coalesce("first_published", "created"))
            .filter(since__lte=now - timedelta(days=days))
        )
        for story in stories.order_by("pk"):
            expired.append(kill(story, actor=actor, reason=f"licence: expired after {days} days"))
    return expired


@transaction.atomic
def mark_reviewed(story: Story, *, actor: str) -> Story:
    """Clear ``needs_review``: an editor looked again after the agency changed its headline.

    Keeps the desk headline as it is; ``set_headline`` clears the flag too when it changes it.
    """
    if not story.needs_review:
        return story
    story.needs_review = False
    story.save(update_fields=["needs_review"])
    StoryEvent.objects.create(
        story=story,
        action="reviewed",
        actor=actor,
        before={**_state(story), "needs_review": True},
        after={**_state(story), "needs_review": False},
    )
    return story
