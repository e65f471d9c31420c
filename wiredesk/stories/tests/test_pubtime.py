"""The publication time readers see: the agency's, never later than receipt, not before an embargo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from wiredesk.ingest.pipeline import Pipeline
from wiredesk.ingest.tests.factories import ninjs
from wiredesk.stories.models import Agency, Story
from wiredesk.stories.pubtime import agency_publication_time, first_publication

RECEIVED = datetime(2024, 1, 22, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


@pytest.mark.parametrize(
    ("first_created", "version_created", "embargo", "expected"),
    [
        (RECEIVED - 3 * HOUR, RECEIVED - HOUR, None, RECEIVED - 3 * HOUR),  # firstCreated first
        (None, RECEIVED - HOUR, None, RECEIVED - HOUR),  # else the version's time
        (None, None, None, RECEIVED),  # else the receipt time
        (RECEIVED + HOUR, RECEIVED + 2 * HOUR, None, RECEIVED),  # never later than receipt
        (RECEIVED - HOUR, None, RECEIVED + 5 * HOUR, RECEIVED + 5 * HOUR),  # an embargo ends later
        (RECEIVED - HOUR, None, RECEIVED - 2 * HOUR, RECEIVED - HOUR),  # an embargo long over
    ],
)
def test_agency_publication_time(
    first_created: datetime | None, version_created: datetime | None, embargo: datetime | None, expected: datetime
) -> None:
    found = agency_publication_time(
        first_created=first_created, version_created=version_created, received=RECEIVED, embargo=embargo
    )
    assert found == expected


@pytest.mark.django_db
def test_first_publication_reads_the_first_version_received() -> None:
    acme = Agency.objects.create(slug="acme", name="Acme")
    first_created = datetime(2024, 1, 22, 9, 0, tzinfo=UTC)
    pipeline = Pipeline(agency=acme, hold=True, clock=lambda: RECEIVED)
    pipeline.ingest(ninjs("urn:acme:1", version="1", firstCreated=first_created.isoformat()))
    later = Pipeline(agency=acme, clock=lambda: RECEIVED + HOUR)
    later.ingest(ninjs("urn:acme:1", version="2", headline="Changed", firstCreated=(RECEIVED - HOUR).isoformat()))
    story = Story.objects.get(wire_id="urn:acme:1")
    assert story.first_published is None  # held: the desk has not published it
    assert first_publication(story, now=RECEIVED + 2 * HOUR) == first_created
    story.embargoed_until = RECEIVED + 3 * HOUR
    assert first_publication(story, now=RECEIVED + 2 * HOUR) == RECEIVED + 3 * HOUR
    empty = Story.objects.create(agency=acme, wire_id="urn:acme:none")
    assert first_publication(empty, now=RECEIVED) == RECEIVED


@pytest.mark.django_db
def test_a_held_story_the_desk_publishes_later_shows_the_agency_time() -> None:
    from wiredesk.stories import services

    acme = Agency.objects.create(slug="acme", name="Acme")
    filed = (datetime.now(UTC) - timedelta(hours=3)).replace(microsecond=0)
    Pipeline(agency=acme, hold=True).ingest(ninjs("urn:held", versionCreated=filed.isoformat()))
    held = Story.objects.get(wire_id="urn:held")
    services.publish(held, actor="edna")
    held.refresh_from_db()
    assert held.first_published == filed
    assert held.last_modified > filed  # the desk's act still moves "last modified" (and feed caches)
