"""What the public site lists, and how it pages: keyset cursors, no OFFSET.

Every list readers see starts from ``Story.objects.public()`` and is ordered newest first
by ``(first_published, pk)``; a page ends with a cursor naming its last row, and the next
page is "everything older than that row". Such a query uses the
``story_section_published`` index and costs the same on page 1 and page 1000.

Candidates to move into ``StoryQuerySet`` once ``stories`` may change: ``listed`` (as
``public().listed()``) and ``with_first_headline``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import F, OuterRef, Q, QuerySet, Subquery

from wiredesk.stories.models import Agency, Section, Story, StoryVersion

PAGE_SIZE = 20
HOME_PER_SECTION = 5
FEED_SIZE = 50


@dataclass(frozen=True, slots=True)
class Cursor:
    """The position after which the next page starts: ``<first_published ISO>_<pk>``."""

    published: datetime
    pk: int

    def __str__(self) -> str:
        stamp = self.published.astimezone(UTC).isoformat().replace("+00:00", "Z")
        return f"{stamp}_{self.pk}"

    @classmethod
    def parse(cls, value: str | None) -> Cursor | None:
        """The cursor in ``value``, or ``None`` when it is absent or malformed."""
        if not value or "_" not in value:
            return None
        stamp, _, pk = value.rpartition("_")
        try:
            published = datetime.fromisoformat(stamp.replace(" ", "+"))  # a "+" unescaped in a query
            number = int(pk)
        except ValueError:
            return None
        if published.tzinfo is None:
            published = published.replace(tzinfo=UTC)
        return cls(published=published, pk=number)

    @classmethod
    def of(cls, story: Story) -> Cursor:
        assert story.first_published is not None  # noqa: S101 - listed() excludes them
        return cls(published=story.first_published, pk=story.pk)


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a list and the cursor of the next one (``None`` on the last page)."""

    items: list[Story]
    next_cursor: Cursor | None


def with_first_headline(queryset: QuerySet[Story]) -> QuerySet[Story]:
    """Annotate ``first_headline``: the headline of the first version received.

    Story URLs are made from it, so they never change when the agency or the desk changes
    the headline later (versions are immutable and never deleted).
    """
    first = StoryVersion.objects.filter(story=OuterRef("pk")).order_by("received", "pk").values("headline")[:1]
    return queryset.annotate(first_headline=Subquery(first))


def secondary_copies() -> QuerySet[Story]:
    """Stories that are another agency's copy (or a re-delivery) of a story readers get
    from a preferred copy: lists can leave them out with ``.exclude(pk__in=secondary_copies())``.
    """
    return Story.objects.filter(enrichment__cluster__isnull=False, enrichment__cluster__primary__isnull=False).exclude(
        enrichment__cluster__primary=F("pk")
    )


def listed(*conditions: Q, copies: bool = False, **filters: object) -> QuerySet[Story]:
    """Public stories matching ``conditions``/``filters``, newest first, with what a list shows.

    Stories without ``first_published`` (not reachable through ingest or the services) are
    left out: they cannot be placed in the keyset order. So are other agencies' copies of a
    story readers get from its preferred copy (issue #6), unless ``copies`` is true.
    """
    stories = Story.objects.public().filter(*conditions, first_published__isnull=False, **filters)
    if not copies:
        stories = stories.exclude(pk__in=secondary_copies())
    stories = stories.select_related("agency", "section", "current_version")
    return with_first_headline(stories).order_by("-first_published", "-pk")


def after(queryset: QuerySet[Story], cursor: Cursor | None) -> QuerySet[Story]:
    """The rows of ``queryset`` older than ``cursor`` (all of them without one)."""
    if cursor is None:
        return queryset
    return queryset.filter(
        Q(first_published__lt=cursor.published) | Q(first_published=cursor.published, pk__lt=cursor.pk)
    )


def page_after(queryset: QuerySet[Story], cursor: Cursor | None, size: int = PAGE_SIZE) -> Page:
    """The ``size`` stories of ``queryset`` (ordered by ``listed``) older than ``cursor``."""
    rows = list(after(queryset, cursor)[: size + 1])
    items = rows[:size]
    return Page(items=items, next_cursor=Cursor.of(items[-1]) if len(rows) > size and items else None)


def section_stories(section: Section) -> QuerySet[Story]:
    return listed(section=section)


def unsectioned_stories() -> QuerySet[Story]:
    return listed(section__isnull=True)


def agency_stories(agency: Agency) -> QuerySet[Story]:
    return listed(agency=agency, copies=True)  # an agency's page lists all it sent


def related_stories(story: Story) -> QuerySet[Story]:
    """Other public stories of the story's section (of the unsectioned ones when it has none)."""
    if story.section_id is None:
        return listed(section__isnull=True).exclude(pk=story.pk)
    return listed(section=story.section_id).exclude(pk=story.pk)


@dataclass(frozen=True, slots=True)
class Group:
    """One block of the home page: a section (``None`` for "Latest") and its newest stories."""

    section: Section | None
    stories: list[Story]


def home_groups(per_section: int = HOME_PER_SECTION) -> list[Group]:
    """The newest stories of every section in section order, then the unsectioned ones.

    One indexed query per section rather than one window query over every story.
    """
    groups = [Group(section, list(section_stories(section)[:per_section])) for section in Section.objects.all()]
    groups.append(Group(None, list(unsectioned_stories()[:per_section])))
    return [g for g in groups if g.stories]


def reader_story(pk: int) -> Story | None:
    """The story ``pk`` whatever its state, with what its page shows; the view decides."""
    stories = Story.objects.filter(pk=pk).select_related("agency", "section", "current_version")
    return with_first_headline(stories).first()


def is_public(story: Story) -> bool:
    return Story.objects.public().filter(pk=story.pk).exists()


def withdrawn_by(story: Story) -> str:
    """Who killed ``story``: ``"agency"`` or ``"desk"``."""
    event = story.events.filter(action__in=("killed", "kill")).order_by("-created", "-pk").first()
    return "agency" if event is None or event.actor == "agency" else "desk"


def fingerprint(queryset: QuerySet[Story], size: int, *extra: object) -> tuple[str, datetime | None]:
    """An ETag and a Last-Modified time for the first ``size`` rows of a listed queryset.

    One narrow query. The ETag changes whenever a story enters, leaves or changes in those
    rows; Last-Modified is the latest change, publication or receipt among them: agency
    times may lie in the past, so a story received now with an old publication time must
    still move it (issue #11).
    """
    ordered = queryset.order_by("-first_published", "-pk")
    rows = list(ordered.values_list("pk", "last_modified", "first_published", "created")[:size])
    digest = hashlib.sha256(repr((rows, extra)).encode()).hexdigest()[:32]
    times = [t for _, *moments in rows for t in moments if t is not None]
    return digest, max(times, default=None)


def article_fingerprint(pk: int, cursor: Cursor | None, *extra: object) -> tuple[str, datetime] | None:
    """ETag and Last-Modified of the page of the public story ``pk``; ``None`` if not public.

    Covers the story itself and the related stories its page lists (two narrow queries).
    """
    row = Story.objects.public().filter(pk=pk).values_list("last_modified", "section_id", "status").first()
    if row is None:
        return None
    modified, section_id, status = row
    related = listed(section=section_id) if section_id else listed(section__isnull=True)
    etag, related_time = fingerprint(after(related.exclude(pk=pk), cursor), PAGE_SIZE, pk, modified, status, *extra)
    return etag, max(modified, related_time or modified)
