"""RSS, Atom and JSON Feed of the site, a section and an agency, re-parsed with feedparser."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from django.test import Client

from wiredesk.site.links import story_url
from wiredesk.site.tests.factories import IRAN, make_story
from wiredesk.stories import services
from wiredesk.stories.models import Agency, Section, Story

pytestmark = pytest.mark.django_db

FEEDS = [
    "/feeds/rss/", "/feeds/atom/", "/feeds/json/",
    "/section/middle-east/rss/", "/section/middle-east/atom/", "/section/middle-east/feed.json",
    "/agency/ians/rss/", "/agency/ians/atom/", "/agency/ians/feed.json",
]  # fmt: skip


@pytest.fixture
def stories(ians: Agency, middle_east: Section) -> list[Story]:
    return [
        make_story(ians, "urn:ians:iran", section=middle_east, **IRAN),
        make_story(ians, "urn:ians:loose", headline="Unsectioned story", byline="Jane Roe"),
    ]


def entries(client: Client, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200
    if url.endswith(("json", "json/")):
        assert response["Content-Type"].startswith("application/feed+json")
        document = json.loads(response.content)
        assert document["version"] == "https://jsonfeed.org/version/1.1"
        return [{"link": i["url"], "title": i["title"], "id": i["id"]} for i in document["items"]]
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return [{"link": e.link, "title": e.title, "id": e.id} for e in parsed.entries]


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_parse_and_list_the_right_stories(client: Client, stories: list[Story], url: str) -> None:
    iran, loose = stories
    expected = [iran] if "section" in url else [loose, iran]
    found = entries(client, url)
    assert [e["link"] for e in found] == [story_url(s) for s in expected]
    assert [e["id"] for e in found] == [story_url(s) for s in expected]
    assert found[-1]["title"] == IRAN["headline"]


def test_rss_item_details(client: Client, stories: list[Story]) -> None:
    parsed = feedparser.parse(client.get("/feeds/rss/").content)
    assert parsed.feed.title == "Siasat" and parsed.feed.link == "https://news.example/"
    loose, iran = parsed.entries
    assert iran.summary == IRAN["abstract"] and iran.tags[0].term == "Middle East"
    assert loose.author == "Jane Roe"
    assert datetime(*iran.published_parsed[:6], tzinfo=UTC) <= datetime(2024, 1, 22, 5, 38, tzinfo=UTC)


def test_atom_has_updated_dates(client: Client, stories: list[Story]) -> None:
    parsed = feedparser.parse(client.get("/section/middle-east/atom/").content)
    (entry,) = parsed.entries
    assert datetime(*entry.updated_parsed[:6], tzinfo=UTC) == datetime(2024, 1, 22, 5, 38, tzinfo=UTC)
    assert entry.published_parsed <= entry.updated_parsed
    assert parsed.feed.title == "Middle East – Siasat"


def test_killed_and_embargoed_stories_leave_the_feeds(client: Client, stories: list[Story], ians: Agency) -> None:
    iran, _ = stories
    services.kill(iran, actor="editor")
    later = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    embargoed = make_story(ians, "urn:e", headline="Embargoed", embargoedUntil=later)
    for url in FEEDS:
        links = [e["link"] for e in entries(client, url)]
        assert story_url(iran) not in links and story_url(embargoed) not in links


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/", "/feeds/json/"])
def test_empty_feeds_are_valid(client: Client, db: None, url: str) -> None:
    assert entries(client, url) == []


def test_unknown_scope_is_not_found(client: Client, db: None) -> None:
    assert client.get("/section/nowhere/rss/").status_code == 404
    assert client.get("/agency/nobody/feed.json").status_code == 404


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/", "/feeds/json/", "/agency/ians/rss/"])
def test_feeds_answer_304(client: Client, stories: list[Story], url: str) -> None:
    response = client.get(url)
    etag, last_modified = response["ETag"], response["Last-Modified"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    services.set_headline(stories[1], "Changed", actor="editor")
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200
