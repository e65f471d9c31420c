"""Which stories an API caller may read, and how lists page: newest change first, keyset.

Lists are ordered by ``(last_modified, pk)`` descending, so ``?since=`` polling and paging
agree: a page ends with a cursor naming its last row and the next page is "everything
changed before that row". A story changed while a client pages moves to the top; the next
``since`` poll picks it up. The ``story_status_modified`` index serves these queries.

Readers (anonymous callers, users without a desk role) see ``Story.objects.public()``
only; editors may ask for any status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import Q, QuerySet

from wiredesk.api.errors import ApiError
from wiredesk.stories.models import Story

STATUSES = ("published", "held", "killed", "all")
MAX_WORDS = 10
MAX_ID = 2**63 - 1
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# µs since 1970 (up to the year 5138) and a story id; openapi.py documents the same pattern.
CURSOR_REGEX = r"^(\d{1,17})_([1-9]\d{0,17})$"
CURSOR_PATTERN = re.compile(CURSOR_REGEX)


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the next page starts: ``<last_modified in µs since 1970>_<pk>`` of the page's last row.

    Two integers rather than a timestamp string: every string matching the documented
    pattern is a position (no "February 30"), so only the pattern needs checking.
    """

    modified: datetime
    pk: int

    def __str__(self) -> str:
        delta = self.modified - EPOCH
        return f"{(delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds}_{self.pk}"

    @classmethod
    def parse(cls, value: str) -> Cursor:
        match = CURSOR_PATTERN.fullmatch(value)
        if match is None:
            raise ApiError("invalid_parameter", "'after' is not a cursor this API gave out.")
        micros, pk = int(match[1]), int(match[2])
        return cls(modified=EPOCH + timedelta(microseconds=micros), pk=min(pk, MAX_ID))


@dataclass(frozen=True, slots=True)
class Page:
    items: list[Story]
    next_cursor: Cursor | None


def stories_for(
    *,
    editor: bool,
    status: str | None = None,
    agency: str | None = None,
    section: str | None = None,
    since: datetime | None = None,
    q: str | None = None,
) -> QuerySet[Story]:
    """The stories a caller may list with these filters, newest change first.

    ``status`` ``None`` means what readers see; ``published`` means the same for readers and,
    for editors, every published story (embargoed ones too); ``held``, ``killed`` and ``all``
    are for editors only (the caller checks the role first).
    """
    if status is None or (status == "published" and not editor):
        stories = Story.objects.public()
    elif status == "all":
        stories = Story.objects.all()
    elif status == "killed":
        stories = Story.objects.killed()
    else:  # what the story is now: an agency kill outranks the desk's publish or hold
        stories = Story.objects.filter(status=status, agency_killed=False)
    if agency:
        stories = stories.filter(agency__slug=agency)
    if section:
        stories = stories.filter(section__slug=section)
    if since is not None:
        stories = stories.filter(last_modified__gte=since)
    for word in (q or "").split()[:MAX_WORDS]:
        stories = stories.filter(
            Q(current_version__headline__icontains=word)
            | Q(current_version__abstract__icontains=word)
            | Q(current_version__body_html__icontains=word)
            | Q(headline_override__icontains=word)
        )
    return stories.select_related("agency", "section", "current_version").order_by("-last_modified", "-pk")


def page_after(stories: QuerySet[Story], cursor: Cursor | None, size: int) -> Page:
    """The ``size`` stories of ``stories`` after ``cursor``, and the cursor of the page after."""
    if cursor is not None:
        stories = stories.filter(
            Q(last_modified__lt=cursor.modified) | Q(last_modified=cursor.modified, pk__lt=cursor.pk)
        )
    rows = list(stories[: size + 1])
    items = rows[:size]
    more = len(rows) > size and items
    return Page(items=items, next_cursor=Cursor(items[-1].last_modified, items[-1].pk) if more else None)


def story_for(pk: int, *, editor: bool) -> Story:
    """The story ``pk`` if the caller may read it: 404 when unknown or not public, 410 when killed.

    Readers learn nothing about held or embargoed stories (404), but a killed story is
    announced as gone (410), as on the public site.
    """
    story = _get(pk)
    if editor:
        return story
    if story.is_killed:
        raise ApiError("gone", f"Story {pk} was withdrawn.")
    if not Story.objects.public().filter(pk=pk).exists():
        raise ApiError("not_found", f"No story {pk}.")
    return story


def story_to_change(pk: int) -> Story:
    """The story ``pk`` for a desk action (the caller is an editor); 404 when unknown."""
    return _get(pk)


def _get(pk: int) -> Story:
    # A path id past the 64-bit range would overflow the database driver: no such story.
    story = None
    if 0 < pk <= MAX_ID:
        story = Story.objects.filter(pk=pk).select_related("agency", "section", "current_version").first()
    if story is None:
        raise ApiError("not_found", f"No story {pk}.")
    return story
