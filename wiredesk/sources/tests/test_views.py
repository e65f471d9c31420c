"""Push endpoint auth, WebSub verification and signatures, and the health page."""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from wiredesk.ingest.tests.factories import ninjs, rss
from wiredesk.sources import polling, websub
from wiredesk.sources.models import Source, SourceRun
from wiredesk.sources.tests.feedserver import Reply
from wiredesk.stories.models import Story

pytestmark = pytest.mark.usefixtures("poll_settings")


@pytest.fixture
def push_source(make_source):  # type: ignore[no-untyped-def]
    source = make_source(kind=Source.Kind.PUSH)
    token = source.new_push_token()
    source.save()
    return source, token


def test_push_requires_the_sources_token(client, push_source, make_source) -> None:
    source, token = push_source
    url = reverse("sources:push", args=[source.pk])
    assert url == f"/sources/{source.pk}/push/"
    body = ninjs("urn:acme:p1", headline="Pushed in")
    assert client.post(url, body, content_type="application/json").status_code == 401
    assert client.post(url, body, content_type="application/json",
                       headers={"Authorization": "Bearer wrong"}).status_code == 403  # fmt: skip
    assert client.get(url).status_code == 405
    other = make_source(kind=Source.Kind.HTTP, address="https://example.org/feed")
    assert client.post(reverse("sources:push", args=[other.pk]), body, content_type="application/json",
                       headers={"Authorization": f"Bearer {token}"}).status_code == 404  # fmt: skip
    assert not Story.objects.exists()
    response = client.post(url, body, content_type="application/json", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 202
    assert response.json()["stories"] == ["new urn:acme:p1 Pushed in"]
    assert Story.objects.get().agency.slug == "acme"
    run = SourceRun.objects.get()
    assert (run.outcome, run.new_items) == ("changed", 1)
    bad = client.post(url, b"<garbage", content_type="application/xml", headers={"X-Wiredesk-Token": token})
    assert bad.status_code == 422 and bad.json()["error"]


def test_push_token_is_stored_hashed(push_source) -> None:
    source, token = push_source
    assert token not in source.push_token_hash and len(source.push_token_hash) == 64
    assert source.check_push_token(token) and not source.check_push_token(token + "x")


def test_websub_verification_echoes_only_what_we_asked(client, feed_server, make_source) -> None:
    feed_server.routes["/hub"] = Reply(202)
    hub_link = b'<atom:link rel="hub" href="/hub"/>'
    feed = rss([("urn:acme:w", "Hub")]).replace(b"<channel>", b"<channel>" + hub_link)
    feed_server.routes["/feed"] = Reply(200, feed)
    source = make_source(feed_server.url("/feed"), kind=Source.Kind.WEBSUB)
    url = reverse("sources:websub", args=[source.pk])
    params = {"hub.mode": "subscribe", "hub.topic": source.address, "hub.challenge": "xyz", "hub.lease_seconds": "600"}
    assert client.get(url, params).status_code == 404  # never asked for a subscription
    polling.poll(source)
    source.refresh_from_db()
    assert source.websub_hub == feed_server.url("/hub")
    assert websub.subscribe(source) == ""
    _, _, form = feed_server.requests[-1]
    assert b"hub.mode=subscribe" in form and b"hub.callback=" in form and b"hub.secret=" in form
    assert client.get(url, {**params, "hub.topic": "https://elsewhere/"}).status_code == 404
    response = client.get(url, params)
    assert response.status_code == 200 and response.content == b"xyz"
    source.refresh_from_db()
    assert source.websub_lease_until and source.websub_lease_until > timezone.now() + timedelta(seconds=500)
    assert client.get(url, {**params, "hub.mode": "unsubscribe"}).status_code == 404


@pytest.mark.parametrize("method", ["sha1", "sha256"])
def test_websub_deliveries_must_be_signed(client, make_source, method) -> None:
    source = make_source("https://example.org/feed", kind=Source.Kind.WEBSUB, websub_secret="hush")
    url = reverse("sources:websub", args=[source.pk])
    body = rss([("urn:acme:d", "Delivered")])
    assert client.post(url, body, content_type="application/rss+xml").status_code == 403
    bad = f"{method}=" + hmac.new(b"wrong", body, getattr(hashlib, method)).hexdigest()
    assert client.post(url, body, content_type="application/rss+xml",
                       headers={"X-Hub-Signature": bad}).status_code == 403  # fmt: skip
    assert not Story.objects.exists()
    good = f"{method}=" + hmac.new(b"hush", body, getattr(hashlib, method)).hexdigest()
    response = client.post(url, body, content_type="application/rss+xml", headers={"X-Hub-Signature": good})
    assert response.status_code == 202
    assert Story.objects.get().wire_id == "urn:acme:d"


def test_health_page_for_admins(client, make_source, feed_server) -> None:
    url = reverse("sources:health")
    assert client.get(url).status_code == 302  # login first
    client.force_login(User.objects.create_user("desk", is_staff=True))
    feed_server.routes["/feed"] = Reply(200, rss([(f"urn:acme:{i}", f"Story {i}") for i in range(3)]))
    ok = make_source(feed_server.url("/feed"))
    polling.poll(ok)
    feed_server.routes["/broken"] = Reply(500)
    broken = make_source(feed_server.url("/broken"))
    polling.poll(broken)
    quiet = make_source("https://example.org/quiet", interval=60)
    now = timezone.now()
    for hours in (30, 29, 28, 27):
        SourceRun.objects.create(source=quiet, started=now - timedelta(hours=hours), outcome="changed", new_items=2,
                                 lag_receipt=4.0, lag_publish=5.0)  # fmt: skip
    Source.objects.filter(pk=quiet.pk).update(last_change_at=now - timedelta(hours=27))
    page = client.get(url).content.decode()
    assert "The server had an error (HTTP 500 Internal Server Error)." in page
    assert "quiet beyond its usual rhythm" in page
    assert page.count("<svg") == 3 and "<rect" in page
    assert "4.0 s" in page and "5.0 s" in page
