"""``/sitemap.xml`` and ``/news-sitemap.xml`` parsed with lxml."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from lxml import etree

from wiredesk.site.links import story_url
from wiredesk.site.tests.factories import IRAN, make_story
from wiredesk.stories import services
from wiredesk.stories.models import Agency, Section, Story

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "news": "http://www.google.com/schemas/sitemap-news/0.9"}


def xml(client: Client, url: str) -> etree._Element:
    response = client.get(url)
    assert response.status_code == 200 and "xml" in response["Content-Type"]
    return etree.fromstring(response.content)


def test_sitemap_lists_public_stories_with_lastmod(client: Client, ians: Agency, middle_east: Section) -> None:
    iran = make_story(ians, "urn:ians:iran", section=middle_east, **IRAN)
    killed = make_story(ians, "urn:k", headline="Killed")
    services.kill(killed, actor="editor")
    held = make_story(ians, "urn:h", headline="Held", hold=True)
    root = xml(client, "/sitemap.xml")
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    lastmods = {u.findtext("s:loc", namespaces=NS): u.findtext("s:lastmod", namespaces=NS)
                for u in root.findall("s:url", NS)}  # fmt: skip
    assert "https://news.example/" in lastmods
    assert "https://news.example/section/middle-east/" in lastmods
    assert "https://news.example/agency/ians/" in lastmods
    assert datetime.fromisoformat(lastmods[story_url(iran)] or "") == datetime(2024, 1, 22, 5, 38, tzinfo=UTC)
    assert story_url(killed) not in lastmods and story_url(held) not in lastmods


def test_news_sitemap(client: Client, ians: Agency) -> None:
    # published ten minutes ago by the agency: the news sitemap holds the last two days (issue #11)
    filed = (datetime.now(UTC) - timedelta(minutes=10)).replace(microsecond=0)
    fresh = make_story(ians, "urn:fresh", headline="Fresh & new", language="ur", versionCreated=filed.isoformat())
    old = make_story(ians, "urn:old", headline="Old")
    Story.objects.filter(pk=old.pk).update(first_published=datetime.now(UTC) - timedelta(days=3))
    later = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    embargoed = make_story(ians, "urn:e", headline="Embargoed", embargoedUntil=later)
    killed = make_story(ians, "urn:k", headline="Killed")
    services.kill(killed, actor="editor")
    root = xml(client, "/news-sitemap.xml")
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    (url,) = root.findall("s:url", NS)
    assert url.findtext("s:loc", namespaces=NS) == story_url(fresh)
    assert url.findtext("news:news/news:publication/news:name", namespaces=NS) == "Siasat"
    assert url.findtext("news:news/news:publication/news:language", namespaces=NS) == "ur"
    assert url.findtext("news:news/news:title", namespaces=NS) == "Fresh & new"
    published = datetime.fromisoformat(url.findtext("news:news/news:publication_date", namespaces=NS) or "")
    assert published == filed  # the agency's time, not the receipt time
    assert story_url(embargoed) not in etree.tostring(root).decode()
