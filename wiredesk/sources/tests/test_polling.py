"""Polling against a real HTTP server on 127.0.0.1: each kind of answer handled as documented."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from django.utils import timezone

from wiredesk.ingest.retrieve import USER_AGENT
from wiredesk.ingest.tests.factories import rss
from wiredesk.sources import polling
from wiredesk.sources.models import Source, SourceRun
from wiredesk.sources.tests.feedserver import Reply
from wiredesk.stories.models import RawPayload, Story

pytestmark = pytest.mark.usefixtures("poll_settings")
FEED = rss([("urn:acme:1", "Harbour reopens"), ("urn:acme:2", "Port strike ends")])


def seconds_until(source: Source) -> float:
    source.refresh_from_db()
    assert source.next_poll_at is not None
    return (source.next_poll_at - timezone.now()).total_seconds()


def test_200_with_etag_then_304(feed_server, make_source) -> None:
    def answer(request):  # type: ignore[no-untyped-def]
        if request.headers.get("If-None-Match") == '"v1"':
            return Reply(304, headers={"ETag": '"v2-should-not-be-stored"'})
        return Reply(200, FEED, {"ETag": '"v1"', "Last-Modified": "Thu, 22 Jan 2026 11:08:00 GMT"})

    feed_server.routes["/feed"] = answer
    source = make_source(feed_server.url("/feed"), interval=10)
    run = polling.poll(source)
    assert (run.outcome, run.http_status, run.items, run.new_items) == ("changed", 200, 2, 2)
    assert Story.objects.filter(agency__slug="acme").count() == 2
    source.refresh_from_db()
    assert (source.etag, source.last_modified_header) == ('"v1"', "Thu, 22 Jan 2026 11:08:00 GMT")
    payloads = RawPayload.objects.count()

    run = polling.poll(source)
    assert (run.outcome, run.http_status) == ("unchanged", 304)
    source.refresh_from_db()
    assert source.etag == '"v1"'  # validators only from a 200
    assert RawPayload.objects.count() == payloads
    path, headers, _ = feed_server.requests[-1]
    assert headers["If-None-Match"] == '"v1"'
    assert headers["If-Modified-Since"] == "Thu, 22 Jan 2026 11:08:00 GMT"
    assert headers["User-Agent"] == USER_AGENT and "Wiredesk/" in USER_AGENT


def test_429_with_retry_after(feed_server, make_source) -> None:
    feed_server.routes["/feed"] = Reply(429, b"slow down", {"Retry-After": "120"})
    source = make_source(feed_server.url("/feed"), interval=10)
    run = polling.poll(source)
    assert run.outcome == "failed" and run.http_status == 429
    source.refresh_from_db()
    assert source.failures == 1
    assert "asked us to slow down" in source.last_error
    assert 100 <= seconds_until(source) <= 140  # 120 s ± jitter, not the 10 s backoff


def test_500_backs_off_exponentially_and_recovers(feed_server, make_source, settings) -> None:
    settings.WIREDESK_POLL_JITTER = 0.0
    settings.WIREDESK_BACKOFF_CAP = 35
    feed_server.routes["/feed"] = Reply(500, b"oops")
    source = make_source(feed_server.url("/feed"), interval=10)
    waits = []
    for _ in range(4):
        polling.poll(source)
        waits.append(round(seconds_until(source)))
    assert waits == [10, 20, 35, 35]  # doubling, capped, never giving up
    source.refresh_from_db()
    assert source.failures == 4 and source.enabled
    assert source.last_error == "The server had an error (HTTP 500 Internal Server Error)."
    feed_server.routes["/feed"] = Reply(200, FEED)
    assert polling.poll(source).outcome == "changed"
    source.refresh_from_db()
    assert source.failures == 0 and source.last_success_at is not None


def test_slow_server_times_out(feed_server, make_source, settings) -> None:
    settings.WIREDESK_POLL_TIMEOUT = 0.3
    feed_server.routes["/feed"] = Reply(200, FEED, delay=2.0)
    run = polling.poll(make_source(feed_server.url("/feed")))
    assert run.outcome == "failed"
    assert run.error == "The server did not answer within 0.3 seconds."


def test_too_large_is_refused(feed_server, make_source, settings) -> None:
    settings.WIREDESK_MAX_PAYLOAD_BYTES = 1000
    feed_server.routes["/feed"] = Reply(200, rss([(f"urn:big:{i}", "A headline " * 5) for i in range(50)]))
    run = polling.poll(make_source(feed_server.url("/feed")))
    assert run.outcome == "failed" and "over the 1000 byte limit" in run.error
    assert not Story.objects.exists()


def test_redirect_loop_and_too_many_redirects(feed_server, make_source) -> None:
    feed_server.routes["/a"] = Reply(302, headers={"Location": "/b"})
    feed_server.routes["/b"] = Reply(301, headers={"Location": "/a"})
    run = polling.poll(make_source(feed_server.url("/a")))
    assert run.error == "The server redirects in a loop."
    for i in range(10):
        feed_server.routes[f"/r{i}"] = Reply(302, headers={"Location": f"/r{i + 1}"})
    run = polling.poll(make_source(feed_server.url("/r0")))
    assert run.error == "Too many redirects (more than 5)."
    feed_server.routes["/moved"] = Reply(301, headers={"Location": "/feed"})
    feed_server.routes["/feed"] = Reply(200, FEED)
    assert polling.poll(make_source(feed_server.url("/moved"))).outcome == "changed"


def test_private_addresses_are_refused_unless_allowed(feed_server, make_source, settings) -> None:
    settings.WIREDESK_ALLOW_PRIVATE_ADDRESSES = False
    feed_server.routes["/feed"] = Reply(200, FEED)
    run = polling.poll(make_source(feed_server.url("/feed")))
    assert run.outcome == "failed" and run.error.startswith("Refused: 127.0.0.1 is a private or loopback address")
    assert feed_server.hits["/feed"] == 0


def test_cache_headers_and_rss_ttl_lengthen_the_interval(feed_server, make_source) -> None:
    feed_server.routes["/cc"] = Reply(200, FEED, {"Cache-Control": "max-age=900"})
    source = make_source(feed_server.url("/cc"), interval=10)
    polling.poll(source)
    assert 800 <= seconds_until(source) <= 1000
    feed_server.routes["/ttl"] = Reply(200, FEED.replace(b"<channel>", b"<channel><ttl>30</ttl>"))
    source = make_source(feed_server.url("/ttl"), interval=10)
    polling.poll(source)
    assert 1600 <= seconds_until(source) <= 2000


def test_interval_grows_while_nothing_changes(feed_server, make_source) -> None:
    feed_server.routes["/feed"] = Reply(200, FEED, {"ETag": '"x"'})
    source = make_source(feed_server.url("/feed"), interval=10)
    polling.poll(source)
    feed_server.routes["/feed"] = Reply(304)
    for _ in range(3):
        polling.poll(source)
    source.refresh_from_db()
    assert source.current_interval == pytest.approx(10 * 1.5**3)


def test_credentials_are_sent_and_not_to_other_hosts(feed_server, make_source) -> None:
    feed_server.routes["/feed"] = Reply(200, FEED)
    make_source(feed_server.url("/feed"), auth=Source.Auth.BASIC, username="desk", secret="s3cret")
    polling.poll_due()
    expected = "Basic " + base64.b64encode(b"desk:s3cret").decode()
    assert feed_server.requests[-1][1]["Authorization"] == expected
    feed_server.routes["/tok"] = Reply(200, FEED)
    make_source(feed_server.url("/tok"), auth=Source.Auth.HEADER, header_name="X-Api-Key", secret="k")
    polling.poll_due()
    assert feed_server.requests[-1][1]["X-Api-Key"] == "k"


def test_claim_due_moves_the_schedule_ahead(feed_server, make_source) -> None:
    feed_server.routes["/feed"] = Reply(200, FEED)
    due = make_source(feed_server.url("/feed"), interval=60)
    later = make_source(feed_server.url("/feed"), next_poll_at=timezone.now() + timedelta(hours=1))
    make_source(feed_server.url("/feed"), enabled=False)
    make_source(kind=Source.Kind.PUSH)
    assert [s.pk for s in polling.claim_due()] == [due.pk]
    assert polling.claim_due() == []  # claimed for one interval
    assert {s.pk for s in polling.claim_due(everything=True)} == {due.pk, later.pk}
    assert SourceRun.objects.count() == 0
