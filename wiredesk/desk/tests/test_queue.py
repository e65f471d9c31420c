from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from wiredesk.desk.queue import Cursor, QueueFilters, queue
from wiredesk.site.tests.factories import make_story
from wiredesk.stories import services
from wiredesk.stories.models import Agency, Section, Story, StoryVersion

pytestmark = pytest.mark.django_db


def _ids(client: Client, query: str = "") -> list[str]:
    html = client.get(f"/desk/queue/rows/?{query}").content.decode()
    return [s.wire_id for s in Story.objects.all() if f'data-story="{s.pk}"' in html]


def test_newest_change_first_and_urgent_marked(editor_client: Client, agency: Agency) -> None:
    old = make_story(agency, "urn:acme:old", headline="Quiet day")
    new = make_story(agency, "urn:acme:new", headline="Quake hits coast", urgency=1)
    StoryVersion.objects.filter(story=old).update(received=timezone.now() - timedelta(hours=1))
    html = editor_client.get("/desk/").content.decode()
    assert html.index("Quake hits coast") < html.index("Quiet day")
    row = html[html.index(f'data-story="{new.pk}"') - 40 :]
    assert 'class="urgent' in row[:60] and "URGENT" in row


def test_filters(editor_client: Client, agency: Agency, section: Section) -> None:
    other = Agency.objects.create(slug="other", name="Other Wire")
    make_story(agency, "urn:acme:a", headline="Budget passes", section=section)
    make_story(other, "urn:other:b", headline="Storm warning", urgency=2)
    held = make_story(agency, "urn:acme:c", headline="Held item", hold=True)
    flagged = make_story(agency, "urn:acme:d", headline="Flagged item")
    Story.objects.filter(pk=flagged.pk).update(needs_review=True)
    assert _ids(editor_client, "agency=other") == ["urn:other:b"]
    assert _ids(editor_client, "status=held") == [held.wire_id]
    assert _ids(editor_client, "urgency=2") == ["urn:other:b"]
    assert _ids(editor_client, "section=world") == ["urn:acme:a"]
    assert sorted(_ids(editor_client, "section=-")) == ["urn:acme:c", "urn:acme:d", "urn:other:b"]
    assert _ids(editor_client, "q=budget") == ["urn:acme:a"]
    assert _ids(editor_client, "review=1") == ["urn:acme:d"]
    assert len(_ids(editor_client, "status=bogus&urgency=x")) == 4  # bad values are ignored


def test_desk_headline_is_searchable(editor_client: Client, story: Story) -> None:
    services.set_headline(story, "Port back in business", actor="edna")
    assert _ids(editor_client, "q=business") == [story.wire_id]


def test_keyset_pages(agency: Agency) -> None:
    stories = [make_story(agency, f"urn:acme:{n}", headline=f"Story {n}") for n in range(5)]
    base = timezone.now()
    for n, s in enumerate(stories):
        StoryVersion.objects.filter(story=s).update(received=base - timedelta(minutes=n))
    first = queue(QueueFilters(), size=2)
    second = queue(QueueFilters(), first.next_cursor, size=2)
    third = queue(QueueFilters(), second.next_cursor, size=2)
    seen = [s.wire_id for page in (first, second, third) for s in page.items]
    assert seen == [f"urn:acme:{n}" for n in range(5)]
    assert third.next_cursor is None
    assert Cursor.parse(str(first.next_cursor)) == first.next_cursor
    assert Cursor.parse("garbage") is None and Cursor.parse(None) is None


def test_queue_page_links_older_stories(editor_client: Client, agency: Agency, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(3):
        make_story(agency, f"urn:acme:{n}")
    monkeypatch.setattr("wiredesk.desk.queue.PAGE_SIZE", 2)
    html = editor_client.get("/desk/").content.decode()
    assert "Older stories" in html and "before=" in html
    assert 'data-refresh="' in html  # the first page refreshes itself
    older = editor_client.get("/desk/?before=2030-01-01T00:00:00Z_999999").content.decode()
    assert 'data-refresh="' not in older  # an older page stays still while being read


def test_rows_fragment_is_not_cached(editor_client: Client, story: Story) -> None:
    response = editor_client.get("/desk/queue/rows/")
    assert response["Cache-Control"] == "no-store"
    assert "<html" not in response.content.decode()


def test_agency_headline_change_after_override_is_flagged(editor_client: Client, agency: Agency) -> None:
    story = make_story(agency, "urn:acme:1", headline="Harbour reopens")
    services.set_headline(story, "Port back in business", actor="edna")
    story = make_story(agency, "urn:acme:1", headline="Harbour reopens after storm", version="2")
    assert story.headline == "Port back in business"  # the override survives the update
    assert _ids(editor_client, "review=1") == ["urn:acme:1"]
    assert "REVIEW" in editor_client.get("/desk/").content.decode()
