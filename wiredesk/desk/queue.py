"""The incoming wire as the desk sees it: every story, filtered, newest change first.

Unlike the public lists (``wiredesk.site.queries``) the queue shows held, killed and
embargoed stories too. It is ordered by arrival: when the version readers now see was
received (``arrived``), so a story the agency just updated comes back to the top. Not by
``last_modified``: that follows the agency's own version times, which may lie in the past.
It pages with a keyset cursor (``?before=``), never OFFSET.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import QueryDict

from wiredesk.stories.models import Story, StoryEvent
from wiredesk.stories.querysets import KILLED

PAGE_SIZE = 50
URGENT = 2  # IPTC urgency 1 (most urgent) to 9; the desk flags 1 and 2


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the next page starts: ``<ISO time>_<pk>`` of the last row shown."""

    at: datetime
    pk: int

    def __str__(self) -> str:
        return f"{self.at.astimezone(UTC).isoformat().replace('+00:00', 'Z')}_{self.pk}"

    @classmethod
    def parse(cls, value: str | None) -> Cursor | None:
        """The cursor in ``value``; ``None`` when absent or malformed (then: the first page)."""
        stamp, _, pk = (value or "").rpartition("_")
        try:
            at = datetime.fromisoformat(stamp.replace(" ", "+").replace("Z", "+00:00"))
            return cls(at=at if at.tzinfo else at.replace(tzinfo=UTC), pk=int(pk))
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class QueueFilters:
    """The queue's filters, read from the query string; unknown or bad values are ignored."""

    agency: str = ""
    status: str = ""
    urgency: int | None = None
    section: str = ""  # a section slug, or "-" for stories in no section
    q: str = ""
    review: bool = False

    @classmethod
    def from_query(cls, query: QueryDict) -> QueueFilters:
        urgency = query.get("urgency", "")
        status = query.get("status", "")
        return cls(
            agency=query.get("agency", "").strip(),
            status=status if status in Story.Status.values else "",
            urgency=int(urgency) if urgency.isdigit() and 1 <= int(urgency) <= 9 else None,
            section=query.get("section", "").strip(),
            q=" ".join(query.get("q", "").split())[:200],
            review=query.get("review") == "1",
        )

    def apply(self, stories: QuerySet[Story]) -> QuerySet[Story]:
        if self.agency:
            stories = stories.filter(agency__slug=self.agency)
        if self.status == Story.Status.KILLED:
            stories = stories.filter(KILLED)
        elif self.status:  # an agency kill outranks the desk's publish or hold
            stories = stories.filter(status=self.status, agency_killed=False)
        if self.urgency is not None:
            stories = stories.filter(current_version__urgency__lte=self.urgency)
        if self.section == "-":
            stories = stories.filter(section__isnull=True)
        elif self.section:
            stories = stories.filter(section__slug=self.section)
        if self.q:
            stories = stories.filter(
                Q(headline_override__icontains=self.q)
                | Q(current_version__headline__icontains=self.q)
                | Q(wire_id__icontains=self.q)
            )
        if self.review:
            stories = stories.filter(needs_review=True)
        return stories


@dataclass(frozen=True, slots=True)
class Page:
    items: list[Story] = field(default_factory=list)
    next_cursor: Cursor | None = None


def queue(filters: QueueFilters, cursor: Cursor | None = None, size: int | None = None) -> Page:
    """One page of the queue after ``cursor``, newest change first."""
    size = size or PAGE_SIZE
    stories = filters.apply(Story.objects.select_related("agency", "section", "current_version"))
    # A kill notice for a story never received has no version: it counts from its creation.
    stories = stories.annotate(arrived=Coalesce("current_version__received", "created"))
    if cursor is not None:
        stories = stories.filter(Q(arrived__lt=cursor.at) | Q(arrived=cursor.at, pk__lt=cursor.pk))
    rows: list[Story] = list(stories.order_by("-arrived", "-pk")[: size + 1])
    items = rows[:size]
    more = len(rows) > size and items
    return Page(items=items, next_cursor=Cursor(getattr(items[-1], "arrived"), items[-1].pk) if more else None)


def is_urgent(story: Story) -> bool:
    version = story.current_version
    return version is not None and version.urgency is not None and version.urgency <= URGENT


def log_page(
    *, actor: str = "", action: str = "", cursor: Cursor | None = None, size: int = 100
) -> tuple[list[StoryEvent], Cursor | None]:
    """One page of the desk-wide audit log, newest first, by agency, rule or person."""
    events = StoryEvent.objects.select_related("story", "story__agency")
    if actor:
        events = events.filter(actor=actor)
    if action:
        events = events.filter(action=action)
    if cursor is not None:
        events = events.filter(Q(created__lt=cursor.at) | Q(created=cursor.at, pk__lt=cursor.pk))
    rows = list(events.order_by("-created", "-pk")[: size + 1])
    items = rows[:size]
    more = len(rows) > size and items
    return items, Cursor(items[-1].created, items[-1].pk) if more else None
