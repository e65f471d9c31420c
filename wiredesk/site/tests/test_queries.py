"""Keyset cursors and pages, without the views."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from wiredesk.site.queries import Cursor, listed, page_after
from wiredesk.site.tests.factories import make_stories
from wiredesk.stories.models import Agency, Story


def test_cursor_round_trip() -> None:
    cursor = Cursor(datetime(2024, 1, 22, 11, 8, 0, 123456, tzinfo=UTC), 42)
    assert str(cursor) == "2024-01-22T11:08:00.123456Z_42"
    assert Cursor.parse(str(cursor)) == cursor
    india = timezone(timedelta(hours=5, minutes=30))
    # a "+" that reached us unescaped in a query string arrives as a space
    assert Cursor.parse("2024-01-22T16:38:00 05:30_7") == Cursor(datetime(2024, 1, 22, 16, 38, tzinfo=india), 7)


@pytest.mark.parametrize("bad", [None, "", "nonsense", "2024-01-22_x", "yesterday_3", "_5"])
def test_bad_cursors_are_none(bad: str | None) -> None:
    assert Cursor.parse(bad) is None


@pytest.mark.django_db
def test_pages_cover_everything_once(ians: Agency) -> None:
    stories = make_stories(ians, 7)
    Story.objects.filter(pk__in=[s.pk for s in stories[2:5]]).update(first_published=datetime(2024, 1, 1, tzinfo=UTC))
    expected = list(listed().values_list("pk", flat=True))
    seen: list[int] = []
    cursor = None
    for _ in range(10):
        page = page_after(listed(), cursor, size=3)
        assert len(page.items) <= 3
        seen += [s.pk for s in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == expected and len(seen) == 7


@pytest.mark.django_db
def test_last_full_page_has_no_next_cursor(ians: Agency) -> None:
    make_stories(ians, 3)
    assert page_after(listed(), None, size=3).next_cursor is None
    assert page_after(listed(), None, size=2).next_cursor is not None
