"""One story at the desk: its versions, their differences, its decisions, and the actions.

Actions are POSTs to ``/desk/story/<pk>/<action>/``; each calls one function of
``wiredesk.stories.services`` and goes back to the story with a message. Nothing here
writes a story itself, and no action touches agency content.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from wiredesk.desk.access import actor_of, editor_required
from wiredesk.desk.diff import diff_versions
from wiredesk.desk.forms import HeadlineForm, PinForm, ReasonForm, SectionForm
from wiredesk.desk.queue import is_urgent
from wiredesk.exceptions import WiredeskError
from wiredesk.site.links import story_path
from wiredesk.stories import services
from wiredesk.stories.models import Section, Story, StoryVersion


def _pick(versions: list[StoryVersion], value: str | None) -> StoryVersion | None:
    return next((v for v in versions if str(v.pk) == value), None)


def _diff_pair(request: HttpRequest, story: Story, versions: list[StoryVersion]) -> tuple[Any, Any]:
    """The two versions to compare: ``?a=&b=`` (version pks), else the previous and current."""
    old, new = _pick(versions, request.GET.get("a")), _pick(versions, request.GET.get("b"))
    if old is None or new is None:
        current = story.current_version or (versions[-1] if versions else None)
        earlier = [v for v in versions if current is not None and v.pk != current.pk and v.received <= current.received]
        old, new = (earlier[-1] if earlier else None), current
    return old, new


@require_safe
@editor_required
def story_page(request: HttpRequest, pk: int) -> HttpResponse:
    story = get_object_or_404(Story.objects.select_related("agency", "section", "current_version"), pk=pk)
    versions = list(story.versions.order_by("received", "pk"))
    old, new = _diff_pair(request, story, versions)
    public = Story.objects.public().filter(pk=story.pk).exists()
    context = {
        "story": story,
        "version": story.current_version,
        "versions": versions,
        "old": old,
        "new": new,
        "diffs": diff_versions(old, new) if old is not None and new is not None and old.pk != new.pk else [],
        "events": story.events.select_related("version").order_by("-created", "-pk"),
        "urgent": is_urgent(story),
        "public": public,
        "public_path": story_path(story) if versions else "",
        "sections": Section.objects.all(),
    }
    return render(request, "desk/story.html", context)


def _status(action: Callable[..., Story]) -> Callable[[HttpRequest, Story], str]:
    def run(request: HttpRequest, story: Story) -> str:
        form = ReasonForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        action(story, actor=actor_of(request), reason=reason)
        return f"Story is now {story.get_status_display()}."

    return run


def _headline(request: HttpRequest, story: Story) -> str:
    form = HeadlineForm(request.POST)
    if not form.is_valid():
        raise WiredeskError("A headline can have at most 500 characters.")
    text = "" if form.cleaned_data["clear"] else form.cleaned_data["headline"]
    if not text.strip() and not form.cleaned_data["clear"]:
        raise WiredeskError("Give a headline, or clear the override to go back to the agency's.")
    services.set_headline(story, text, actor=actor_of(request))
    return "Headline override saved." if story.headline_override else "Back to the agency's headline."


def _section(request: HttpRequest, story: Story) -> str:
    form = SectionForm(request.POST)
    if not form.is_valid():
        raise WiredeskError("No such section.")
    services.set_section(story, form.cleaned_data["section"], actor=actor_of(request))
    return f"Section: {story.section.name if story.section else 'none'}."


def _pin(request: HttpRequest, story: Story) -> str:
    form = PinForm(request.POST)
    form.is_valid()
    services.set_pinned(story, bool(form.cleaned_data.get("pinned")), actor=actor_of(request))
    return "Pinned." if story.pinned else "Unpinned."


def _reviewed(request: HttpRequest, story: Story) -> str:
    services.mark_reviewed(story, actor=actor_of(request))
    return "Marked as reviewed; the desk headline stays."


ACTIONS: dict[str, Callable[[HttpRequest, Story], str]] = {
    "publish": _status(services.publish),
    "hold": _status(services.hold),
    "kill": _status(services.kill),
    "restore": _status(services.restore),
    "headline": _headline,
    "section": _section,
    "pin": _pin,
    "reviewed": _reviewed,
}


@require_POST
@editor_required
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in ACTIONS:
        raise Http404("No such desk action.")
    story = get_object_or_404(Story.objects.select_related("agency", "section", "current_version"), pk=pk)
    try:
        messages.success(request, ACTIONS[action](request, story))
    except WiredeskError as exc:
        messages.error(request, str(exc))
    return redirect("desk:story", pk=story.pk)
