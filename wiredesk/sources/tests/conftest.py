from __future__ import annotations

from collections.abc import Iterator

import pytest

from wiredesk.sources.models import Source
from wiredesk.sources.tests.feedserver import FeedServer
from wiredesk.stories.models import Agency


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server


@pytest.fixture
def poll_settings(settings):  # type: ignore[no-untyped-def]
    """Loopback allowed (the test server is on 127.0.0.1), short timeouts, a low interval floor."""
    settings.WIREDESK_ALLOW_PRIVATE_ADDRESSES = True
    settings.WIREDESK_POLL_MIN_INTERVAL = 1.0
    settings.WIREDESK_POLL_TIMEOUT = 1.0
    settings.WIREDESK_DROP_SETTLE_SECONDS = 0.0
    return settings


@pytest.fixture
def agency(db) -> Agency:  # type: ignore[no-untyped-def]
    return Agency.objects.create(slug="acme", name="Acme Wire Service")


@pytest.fixture
def make_source(agency):  # type: ignore[no-untyped-def]
    def make(address: str = "", **fields: object) -> Source:
        return Source.objects.create(agency=agency, address=address, **fields)

    return make
