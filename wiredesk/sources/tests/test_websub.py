"""WebSub subscriptions go out through the one fetcher: guarded, bounded, and answered in words.

Verification and signed deliveries are in ``test_views.py`` and ``test_receive.py``.
"""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from wiredesk.ingest.netguard import Guard
from wiredesk.ingest.retrieve import USER_AGENT
from wiredesk.ingest.tests.loopback import INTERNAL, Resolver, only_public
from wiredesk.sources import websub
from wiredesk.sources.models import Source
from wiredesk.sources.tests.feedserver import Reply

pytestmark = pytest.mark.usefixtures("poll_settings")


@pytest.fixture
def hub_source(feed_server, make_source):  # type: ignore[no-untyped-def]
    def make(route: Reply) -> Source:
        feed_server.routes["/hub"] = route
        return make_source(feed_server.url("/feed"), kind=Source.Kind.WEBSUB, websub_hub=feed_server.url("/hub"))

    return make


@pytest.mark.parametrize("status", [202, 204])
def test_the_hub_accepts(feed_server, hub_source, status: int) -> None:  # type: ignore[no-untyped-def]
    source = hub_source(Reply(status))
    assert websub.subscribe(source) == ""
    path, headers, body = feed_server.requests[-1]
    form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
    assert (path, headers["User-Agent"]) == ("/hub", USER_AGENT)
    assert form["hub.mode"] == "subscribe" and form["hub.topic"] == source.address
    assert form["hub.secret"] == source.websub_secret and form["hub.callback"].endswith(f"/sources/{source.pk}/websub/")


def test_a_hub_that_refuses_or_redirects_is_named_with_its_status(feed_server, hub_source) -> None:  # type: ignore[no-untyped-def]
    refused = websub.subscribe(hub_source(Reply(400, b"bad topic")))
    assert refused == "The WebSub hub refused the subscription (HTTP 400)."
    feed_server.routes["/elsewhere"] = Reply(202)
    moved = hub_source(Reply(307, headers={"Location": "/elsewhere"}))
    assert websub.subscribe(moved) == "The WebSub hub refused the subscription (HTTP 307)."
    assert feed_server.hits["/elsewhere"] == 0  # the form, with its secret, is posted once


def test_a_slow_hub_is_cut_off(hub_source, settings) -> None:  # type: ignore[no-untyped-def]
    settings.WIREDESK_POLL_TIMEOUT = 0.3
    source = hub_source(Reply(202, delay=2.0))
    slow = websub.subscribe(source)
    assert slow == "The WebSub hub could not be reached: The server did not answer within 0.3 seconds."


def test_a_hub_at_a_private_address_is_refused(feed_server, hub_source, settings) -> None:  # type: ignore[no-untyped-def]
    settings.WIREDESK_ALLOW_PRIVATE_ADDRESSES = False
    assert websub.subscribe(hub_source(Reply(202))).startswith(
        "The WebSub hub could not be reached: Refused: 127.0.0.1 is a private or loopback address"
    )
    rebinding = Guard(resolver=Resolver(hub_test=[[INTERNAL]]), policy=only_public)
    source = hub_source(Reply(202))
    source.websub_hub = "http://hub.test/hub"
    assert "Refused: hub.test is a private or loopback address" in websub.subscribe(source, guard=rebinding)
    assert feed_server.hits["/hub"] == 0
