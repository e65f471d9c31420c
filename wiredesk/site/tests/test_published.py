"""Readers see the agency's publication time, in the agency's order, the same everywhere (issue #11).

Real payloads through the real pipeline, then the site's feeds, lists, article page,
JSON-LD and news sitemap, parsed.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape

import feedparser
import pytest
from django.test import Client
from lxml import etree

from wiredesk.ingest.pipeline import Pipeline
from wiredesk.ingest.tests.factories import ninjs
from wiredesk.site.links import story_path, story_url
from wiredesk.site.meta import reader_time
from wiredesk.site.tests.factories import make_story
from wiredesk.site.tests.html import cls, one, parse
from wiredesk.stories.models import Agency, Story

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "news": "http://www.google.com/schemas/sitemap-news/0.9"}
MINUTE = timedelta(minutes=1)


def rss_feed(titles: list[str], dates: list[datetime | None]) -> bytes:
    """An RSS 2.0 feed listing ``titles`` in that order (newest first, as feeds do)."""
    items = "".join(
        f"<item><guid>urn:feed:{escape(title)}</guid><title>{escape(title)}</title>"
        f"<description>Text of {escape(title)}.</description>"
        + (f"<pubDate>{format_datetime(date)}</pubDate>" if date is not None else "")
        + "</item>"
        for title, date in zip(titles, dates, strict=True)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'.encode()


def rss_titles(client: Client, url: str = "/feeds/rss/") -> list[str]:
    parsed = feedparser.parse(client.get(url).content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return [entry.title for entry in parsed.entries]


def json_titles(client: Client) -> list[str]:
    return [item["title"] for item in json.loads(client.get("/feeds/json/").content)["items"]]


NOW = datetime.now(UTC).replace(microsecond=0)
TITLES = [f"Item {n}" for n in range(120)]
ORDERS = {
    "a minute apart": [NOW - 5 * MINUTE - n * MINUTE for n in range(120)],
    "no dates": [None] * 120,
    "one date for all": [NOW - 30 * MINUTE] * 120,
    "dates after receipt": [NOW + 3 * MINUTE] * 120,  # an agency clock ahead of ours
}


@pytest.mark.parametrize("order", ORDERS)
def test_a_120_item_feed_is_listed_in_the_agency_order(client: Client, ians: Agency, order: str) -> None:
    outcome = Pipeline(agency=ians).ingest(rss_feed(TITLES, ORDERS[order]), origin="https://wire.example/rss")
    assert not outcome.quarantined and len(outcome.stories) == 120
    newest = TITLES[:50]
    assert rss_titles(client) == newest
    assert rss_titles(client, "/feeds/atom/") == newest
    assert json_titles(client) == newest
    assert rss_titles(client, "/agency/ians/rss/") == newest


def test_payloads_of_one_batch_keep_their_arrival_order(client: Client, ians: Agency) -> None:
    first = rss_feed(["A0", "A1", "A2"], [None] * 3)
    second = rss_feed(["B0", "B1", "B2"], [None] * 3)
    outcomes = list(Pipeline(agency=ians).ingest_many([("a", first), ("b", second)]))
    assert [len(o.stories) for o in outcomes] == [3, 3]
    assert rss_titles(client) == ["B0", "B1", "B2", "A0", "A1", "A2"]


def test_publication_time_is_the_agency_s_never_after_receipt(ians: Agency) -> None:
    received = NOW
    pipeline = Pipeline(agency=ians, clock=lambda: received)
    early = make_story(ians, "urn:early", firstCreated=(received - 6 * 60 * MINUTE).isoformat())
    assert early.first_published is not None and early.first_published < early.created
    pipeline.ingest(
        make_payload("urn:late", firstCreated=(received + 60 * MINUTE).isoformat()), origin="urn:late"
    )
    late = Story.objects.get(wire_id="urn:late")
    assert late.first_published == received
    embargo = received + 2 * 60 * MINUTE
    pipeline.ingest(make_payload("urn:embargoed", embargoedUntil=embargo.isoformat()), origin="urn:embargoed")
    assert Story.objects.get(wire_id="urn:embargoed").first_published == embargo


def make_payload(uri: str, **extra: object) -> bytes:
    return ninjs(uri, headline=f"Story {uri}", **extra)


def test_page_json_ld_feeds_and_news_sitemap_agree(client: Client, ians: Agency) -> None:
    agency_time = NOW - 5 * 60 * MINUTE  # filed five hours before we received it
    story = make_story(
        ians,
        "urn:ians:agreed",
        headline="Harbour reopens",
        firstCreated=agency_time.isoformat(),
        versionCreated=(agency_time + 90 * MINUTE).isoformat(),
    )
    make_story(ians, "urn:ians:newer", headline="Newer", versionCreated=(NOW - MINUTE).isoformat())
    doc = parse(client.get(story_path(story)).content)
    shown = one(doc, f"//p[{cls('published')}]/time")
    assert datetime.fromisoformat(shown.get("datetime")) == agency_time
    assert shown.text == reader_time(agency_time)  # "January 22, 2024 11:08 am", in WIREDESK_TIME_ZONE
    data = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)
    assert datetime.fromisoformat(data["datePublished"]) == agency_time
    assert datetime.fromisoformat(data["dateModified"]) == agency_time + 90 * MINUTE
    assert doc.xpath("//meta[@property='article:published_time']/@content") == [shown.get("datetime")]
    root = etree.fromstring(client.get("/news-sitemap.xml").content)
    dates = {u.findtext("s:loc", namespaces=NS): u.findtext("news:news/news:publication_date", namespaces=NS)
             for u in root.findall("s:url", NS)}  # fmt: skip
    assert dates[story_url(story)] == shown.get("datetime")
    rss = feedparser.parse(client.get("/feeds/rss/").content)
    assert [e.title for e in rss.entries] == ["Newer", "Harbour reopens"]
    assert datetime(*rss.entries[1].published_parsed[:6], tzinfo=UTC) == agency_time
    items = json.loads(client.get("/feeds/json/").content)["items"]
    assert datetime.fromisoformat(items[1]["date_published"]) == agency_time
    listed = parse(client.get("/agency/ians/").content).xpath(f"//a[@href='{story_path(story)}']/../small/time")
    assert [datetime.fromisoformat(t.get("datetime")) for t in listed] == [agency_time]


def test_a_story_received_late_still_moves_the_feed_s_last_modified(client: Client, ians: Agency) -> None:
    make_story(ians, "urn:ians:a", headline="First", versionCreated=(NOW - 10 * MINUTE).isoformat())
    response = client.get("/feeds/rss/")
    since = response["Last-Modified"]
    assert client.get("/feeds/rss/", HTTP_IF_MODIFIED_SINCE=since).status_code == 304
    # filed two hours ago, received a minute after the feed was read: below the first in the list
    late = Pipeline(agency=ians, clock=lambda: datetime.now(UTC) + MINUTE)
    late.ingest(make_payload("urn:ians:late", versionCreated=(NOW - 120 * MINUTE).isoformat()), origin="late")
    answer = client.get("/feeds/rss/", HTTP_IF_MODIFIED_SINCE=since)
    assert answer.status_code == 200
    assert rss_titles(client) == ["First", "Story urn:ians:late"]
    assert answer["Last-Modified"] != since
