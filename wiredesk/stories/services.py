"""Every change a person makes to a story's state goes through here.

The CLI (``wiredesk story …``), the desk and the API call these functions; none of them
writes ``Story`` rows itself. Each action is recorded as a ``StoryEvent`` with who did it,
and the state before and after. Agency messages (updates, corrections, kills) are written by
``wiredesk.ingest.store`` instead, which records its own events.

What a change does to the story's status, kill flags and times is worked out by
``wiredesk.stories.lifecycle.next_state`` (the same function the ingest uses); it asks
``wiredesk.stories.licence``: a story the agency killed cannot be published, held or
restored by anyone (``licence.LicenceError``). Once a change is saved, the after-commit
steps run for the story (``wiredesk.stories.after``: the search index, the page purge), as
after an ingest batch: a single save sends no signal anyone listens to.

Does not touch agency content: ``StoryVersion`` rows are never changed here.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone

from wiredesk.exceptions import WiredeskError
from wiredesk.stories import after, licence, lifecycle
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


def record_event(
    story: Story, action: str, *, actor: str, before: dict[str, Any], after: dict[str, Any], reason: str = ""
) -> StoryEvent:
    """Write the audit-trail entry of a change another app's service made beside ``story``.

    For changes this module does not make itself (enrichment's tags added by a routing
    rule, ``wiredesk.enrich.services.add_rule_tags``): ``before`` and ``after`` say what
    changed, ``actor`` who did it. Does not change the story.
    """
    return StoryEvent.objects.create(story=story, action=action, actor=actor, reason=reason, before=before,
                                     after=after)  # fmt: skip


_LIFECYCLE_FIELDS = tuple(f.name for f in fields(lifecycle.StoryState))


def _lifecycle_state(story: Story) -> lifecycle.StoryState:
    return lifecycle.StoryState(**{name: getattr(story, name) for name in _LIFECYCLE_FIELDS})


def _move(story: Story, event: lifecycle.Event, now: datetime) -> list[str]:
    """Put ``story``'s next state after ``event`` (``lifecycle.next_state``) into it; the fields that changed.

    Raises what ``next_state`` raises (``licence.LicenceError``) before changing anything.
    """
    state = _lifecycle_state(story)
    moved = lifecycle.next_state(state, event, now=now)
    changed = [name for name in _LIFECYCLE_FIELDS if getattr(moved, name) != getattr(state, name)]
    for name in changed:
        setattr(story, name, getattr(moved, name))
    return changed


def set_status(story: Story, status: str, *, actor: str, reason: str = "") -> Story:
    """Publish, hold or kill ``story`` (``status`` one of ``Story.Status``).

    Raises ``licence.LicenceError`` for anything but a kill while the agency's kill stands.
    """
    if status not in Story.Status.values:
        raise WiredeskError(f"Unknown status {status!r}.")
    with transaction.atomic():
        before = _state(story)
        now = timezone.now()
        # a first publication lists the story at the agency's time (pubtime.py)
        published_at = first_publication(story, now=now) if status == Story.Status.PUBLISHED else None
        event = lifecycle.DeskStatus(status, agency=story.agency.name, published_at=published_at)
        changed = _move(story, event, now)
        if not changed:
            return story
        story.save(update_fields=changed)
        _record(story, {"published": "publish", "held": "hold", "killed": "kill"}[status], actor, reason, before)
    after.run(after.Changes(stories=(story.pk,), text=False, desk=True))
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


def set_headline(story: Story, headline: str, *, actor: str) -> Story:
    """Override the agency headline for readers; an empty ``headline`` clears the override.

    The override lives on the story, so it survives every later agency version.
    """
    headline = " ".join(headline.split())
    if len(headline) > 500:
        raise WiredeskError("A headline can have at most 500 characters.")
    with transaction.atomic():
        before = _state(story)
        changed = _move(story, lifecycle.DeskHeadline(headline), timezone.now())
        if not changed:
            return story
        story.save(update_fields=changed)
        _record(story, "headline" if headline else "headline-cleared", actor, "", before)
    after.run(after.Changes(stories=(story.pk,), desk=True))
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


def set_section(story: Story, section: Section | None, *, actor: str) -> Story:
    """Put ``story`` in ``section`` (``None``: in no section). Agency content is untouched."""
    left = story.section_id
    if left == (section.pk if section else None):
        return story
    with transaction.atomic():
        before = {**_state(story), "section": story.section.slug if story.section else ""}
        story.section = section
        changed = _move(story, lifecycle.DeskEdit(), timezone.now())
        story.save(update_fields=["section", *changed])
        moved = {**_state(story), "section": section.slug if section else ""}
        StoryEvent.objects.create(story=story, action="section", actor=actor, before=before, after=moved)
    after.run(after.Changes(stories=(story.pk,), text=False, desk=True, left_sections=(left,) if left else ()))
    return story


def set_pinned(story: Story, pinned: bool, *, actor: str) -> Story:
    """Pin ``story`` to the top of its section, or unpin it.

    Does not move ``last_modified``: pinning changes where a story is listed, not the story.
    """
    if story.pinned == pinned:
        return story
    with transaction.atomic():
        story.pinned = pinned
        story.save(update_fields=["pinned"])
        StoryEvent.objects.create(
            story=story,
            action="pin" if pinned else "unpin",
            actor=actor,
            before={**_state(story), "pinned": not pinned},
            after={**_state(story), "pinned": pinned},
        )
    after.run(after.Changes(stories=(story.pk,), text=False, desk=True))
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
            .select_related("agency")
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
    Runs no after-commit step: readers see nothing of the flag.
    """
    changed = _move(story, lifecycle.Reviewed(), timezone.now())
    if not changed:
        return story
    story.save(update_fields=changed)
    StoryEvent.objects.create(
        story=story,
        action="reviewed",
        actor=actor,
        before={**_state(story), "needs_review": True},
        after={**_state(story), "needs_review": False},
    )
    return story
