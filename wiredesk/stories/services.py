"""Every change a person makes to a story's state goes through here.

The CLI (``wiredesk story …``), the desk and the API call these functions; none of them
writes ``Story`` rows itself. Each action is recorded as a ``StoryEvent`` with who did it,
and the state before and after. Agency messages (updates, corrections, kills) are written by
``wiredesk.ingest.store`` instead, which records its own events.

Does not touch agency content: ``StoryVersion`` rows are never changed here.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from wiredesk.exceptions import WiredeskError
from wiredesk.stories.models import Agency, Section, Story, StoryEvent


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
    return {"status": story.status, "headline_override": story.headline_override}


def _record(story: Story, action: str, actor: str, reason: str, before: dict[str, Any]) -> StoryEvent:
    return StoryEvent.objects.create(
        story=story, action=action, actor=actor, reason=reason, before=before, after=_state(story)
    )


@transaction.atomic
def set_status(story: Story, status: str, *, actor: str, reason: str = "") -> Story:
    """Publish, hold or kill ``story`` (``status`` one of ``Story.Status``)."""
    if status not in Story.Status.values:
        raise WiredeskError(f"Unknown status {status!r}.")
    before = _state(story)
    if story.status == status:
        return story
    now = timezone.now()
    story.status = status
    story.desk_modified = now
    fields = ["status", "desk_modified", "last_modified"]
    if status == Story.Status.PUBLISHED and story.first_published is None:
        story.first_published = max(now, story.embargoed_until or now)
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
    """Bring a killed or held story back to the public site."""
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
