"""List pages: home, section with keyset Load more, agency, search; states leave lists."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client

from wiredesk.site.links import story_path
from wiredesk.site.purge.affected import purge_for_stories
from wiredesk.site.tests.factories import make_stories, make_story
from wiredesk.site.tests.html import all_, cls, fragment_links, fragment_more, one, parse
from wiredesk.stories import services
from wiredesk.stories.models import Agency, Section, Story

pytestmark = pytest.mark.django_db


def links(client: Client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return [str(h) for h in parse(response.content).xpath("//main//li/a/@href")]


def test_home_groups_stories_by_section(client: Client, ians: Agency, middle_east: Section) -> None:
    sectioned = make_story(ians, "urn:a", headline="In the Middle East", section=middle_east)
    loose = make_story(ians, "urn:b", headline="Without a section")
    doc = parse(client.get("/").content)
    groups = all_(doc, f"//section[{cls('group')}]")
    assert [g.xpath("string(h2)") for g in groups] == ["Middle East", "Latest"]
    assert groups[0].xpath("./ol/li/a/@href") == [story_path(sectioned)]
    assert groups[1].xpath("./ol/li/a/@href") == [story_path(loose)]


def test_section_load_more_pages_without_duplicates(client: Client, ians: Agency, middle_east: Section) -> None:
    stories = make_stories(ians, 45, section=middle_east)
    # ties on first_published are ordered by pk: the cursor must not skip or repeat them
    same = datetime(2024, 1, 1, tzinfo=UTC)
    Story.objects.filter(pk__in=[s.pk for s in stories[10:30]]).update(first_published=same)
    expected = [story_path(s) for s in Story.objects.order_by("-first_published", "-pk")]
    doc = parse(client.get("/section/middle-east/").content)
    seen = [str(h) for h in doc.xpath("//ol[@id='stories']/li/a/@href")]
    more = one(doc, f"//p[{cls('more')}]/a").get("href")
    assert more.startswith("/section/middle-east/?before=")
    while more:
        plain = links(client, more)  # the no-JavaScript path: a whole page
        response = client.get(more + "&fragment=1")
        assert b"<html" not in response.content
        page = fragment_links(response.content)
        assert page == plain
        seen += page
        more = fragment_more(response.content)
    assert seen == expected and len(set(seen)) == 45


def test_bad_cursor_gives_the_first_page(client: Client, ians: Agency, middle_east: Section) -> None:
    make_stories(ians, 3, section=middle_east)
    assert links(client, "/section/middle-east/?before=nonsense") == links(client, "/section/middle-east/")
    assert client.get("/section/nowhere/").status_code == 404


def test_agency_page(client: Client, ians: Agency) -> None:
    story = make_story(ians, "urn:a", headline="Agency story")
    other = Agency.objects.create(slug="other", name="Other Wire")
    make_story(other, "urn:o", headline="Other story")
    doc = parse(client.get("/agency/ians/").content)
    assert one(doc, "//h1").text == "Indo-Asian News Service"
    assert "private Indian news agency" in doc.xpath(f"string(//section[{cls('agency-profile')}])")
    assert [str(h) for h in doc.xpath("//ol[@id='stories']/li/a/@href")] == [story_path(story)]


def test_search(client: Client, ians: Agency) -> None:
    ferry = make_story(ians, "urn:f", headline="Ferry service resumes", body="<p>Boats run again in Osthaven.</p>")
    make_story(ians, "urn:g", headline="Grain prices")
    assert links(client, "/search/?q=ferry") == [story_path(ferry)]
    assert links(client, "/search/?q=osthaven+boats") == [story_path(ferry)]
    assert links(client, "/search/?q=") == []
    services.set_headline(ferry, "Lighthouse keeper retires", actor="editor")
    assert links(client, "/search/?q=lighthouse") == [story_path(ferry)]


def test_killed_story_leaves_every_list(client: Client, ians: Agency, middle_east: Section) -> None:
    story = make_story(ians, "urn:k", headline="Doomed ferry", section=middle_east)
    path = story_path(story)
    pages = ["/", "/section/middle-east/", "/agency/ians/", "/search/?q=doomed"]
    assert all(path in links(client, p) for p in pages)
    services.kill(story, actor="editor")
    assert not any(path in links(client, p) for p in pages)


def test_embargoed_story_appears_when_the_embargo_ends(client: Client, ians: Agency, middle_east: Section) -> None:
    later = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    story = make_story(ians, "urn:e", headline="Budget figures", section=middle_east, embargoedUntil=later)
    path = story_path(story)
    pages = ["/", "/section/middle-east/", "/agency/ians/", "/search/?q=budget"]
    assert not any(path in links(client, p) for p in pages)
    Story.objects.filter(pk=story.pk).update(embargoed_until=datetime.now(UTC) - timedelta(seconds=1))
    # Moving the embargo by hand sends no signal; a real embargo end is met by cached pages
    # expiring at the embargo time and by the worker's release_embargoes purge.
    purge_for_stories([story.pk])
    assert all(path in links(client, p) for p in pages)


def test_robots_txt(client: Client) -> None:
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "User-agent: *\nAllow: /" in text
    assert "Sitemap: https://news.example/sitemap.xml" in text
    assert "Sitemap: https://news.example/news-sitemap.xml" in text
