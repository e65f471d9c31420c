"""The pipeline against a real database: archive, lifecycle, quarantine, idempotence."""

from __future__ import annotations

import zlib
from datetime import UTC, datetime, timedelta

import pytest

from wiredesk.ingest.pipeline import Pipeline
from wiredesk.ingest.tests.factories import ninjs, nitf, rss
from wiredesk.ingest.types import Action
from wiredesk.stories.models import Agency, RawPayload, Section, Story, StoryEvent, StoryVersion

pytestmark = pytest.mark.django_db


@pytest.fixture
def acme() -> Agency:
    return Agency.objects.create(slug="acme", name="Acme Wire Service")


def actions(outcome: object) -> list[Action]:
    return [s.action for s in outcome.stories]  # type: ignore[attr-defined]


def test_new_story_is_stored_with_its_payload(acme: Agency) -> None:
    outcome = Pipeline(agency=acme).ingest(nitf(), origin="a.xml")
    assert actions(outcome) == [Action.NEW]
    story = Story.objects.get()
    assert story.wire_id == "ACME-1" and story.agency == acme
    assert story.headline == "River ferry service resumes after repairs"
    payload = RawPayload.objects.get()
    assert zlib.decompress(bytes(payload.content)) == nitf()
    assert payload.outcome == RawPayload.Outcome.OK
    assert story.current_version.raw_payload == payload
    assert Story.objects.public().count() == 1


def test_same_payload_twice_changes_nothing(acme: Agency) -> None:
    pipeline = Pipeline(agency=acme)
    pipeline.ingest(nitf(), origin="a.xml")
    counts = (
        Story.objects.count(),
        StoryVersion.objects.count(),
        StoryEvent.objects.count(),
        RawPayload.objects.count(),
    )
    again = Pipeline(agency=acme).ingest(nitf(), origin="a.xml")
    assert actions(again) == [Action.UNCHANGED]
    assert counts == (Story.objects.count(), StoryVersion.objects.count(), StoryEvent.objects.count(),
                      RawPayload.objects.count())  # fmt: skip


def test_versions_out_of_order_never_go_back(acme: Agency) -> None:
    pipeline = Pipeline(agency=acme)
    pipeline.ingest(nitf(version=1, headline="First"), origin="1")
    pipeline.ingest(nitf(version=3, headline="Third", issued="20240122T130000Z"), origin="3")
    late = pipeline.ingest(nitf(version=2, headline="Second", issued="20240122T120000Z"), origin="2")
    assert actions(late) == [Action.STALE]
    story = Story.objects.get()
    assert story.headline == "Third"
    assert story.versions.count() == 3  # the late one is kept


def test_update_moves_last_modified(acme: Agency) -> None:
    pipeline = Pipeline(agency=acme)
    pipeline.ingest(nitf(version=1), origin="1")
    pipeline.ingest(nitf(version=2, headline="Ferry back", issued="20240122T150000Z"), origin="2")
    story = Story.objects.get()
    assert story.last_modified == datetime(2024, 1, 22, 15, 0, tzinfo=UTC)
    assert story.headline == "Ferry back"


def test_correction_is_flagged_on_the_version(acme: Agency) -> None:
    pipeline = Pipeline(agency=acme)
    pipeline.ingest(nitf(version=1), origin="1")
    pipeline.ingest(nitf(version=2, correction=True, body="<p>Fixed.</p>", issued="20240122T120000Z"), origin="2")
    assert Story.objects.get().current_version.is_correction


def test_kill_takes_the_story_off_the_site(acme: Agency) -> None:
    pipeline = Pipeline(agency=acme)
    pipeline.ingest(nitf(version=1), origin="1")
    outcome = pipeline.ingest(nitf(version=2, status="canceled", issued="20240122T120000Z"), origin="2")
    assert actions(outcome) == [Action.KILLED]
    story = Story.objects.get()
    assert story.agency_killed and story.is_killed and story.killed_at is not None
    assert story.status == Story.Status.PUBLISHED  # the desk's own status is kept beside the kill
    assert not Story.objects.public().exists()
    assert story.events.filter(action="killed", actor="agency").exists()


def test_embargo_is_enforced_then_lifts_by_itself(acme: Agency) -> None:
    now = datetime(2024, 1, 22, 10, 0, tzinfo=UTC)
    embargo = ninjs(embargoedUntil="2024-01-22T12:00:00+00:00")
    outcome = Pipeline(agency=acme, clock=lambda: now).ingest(embargo, origin="e")
    assert actions(outcome) == [Action.EMBARGOED]
    story = Story.objects.get()
    assert story.embargoed_until == datetime(2024, 1, 22, 12, 0, tzinfo=UTC)
    # public() compares with the real clock: the embargo date is long past, so it shows;
    # before it, it must not.
    assert Story.objects.public().filter(pk=story.pk).exists()
    Story.objects.filter(pk=story.pk).update(embargoed_until=datetime.now(UTC) + timedelta(hours=1))
    assert not Story.objects.public().filter(pk=story.pk).exists()


def test_bad_payload_is_quarantined_with_its_bytes(acme: Agency) -> None:
    outcome = Pipeline(agency=acme).ingest(b"<nitf><head>", origin="broken.xml")
    assert outcome.quarantined and "not well-formed" in outcome.error
    payload = RawPayload.objects.get()
    assert payload.outcome == RawPayload.Outcome.QUARANTINED
    assert zlib.decompress(bytes(payload.content)) == b"<nitf><head>"
    assert "not well-formed" in payload.error


def test_xml_bomb_is_refused(acme: Agency) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        b"<nitf><body><body.content><p>&c;</p></body.content></body></nitf>"
    )
    outcome = Pipeline(agency=acme).ingest(bomb, origin="bomb.xml")
    assert outcome.quarantined and "entities" in outcome.error


def test_one_bad_item_never_loses_the_others(acme: Agency) -> None:
    feed = rss([("g1", "Council votes on budget"), ("g2", ""), ("g3", "Storm closes schools")])
    outcome = Pipeline(agency=acme).ingest(feed, origin="feed.xml")
    assert [s.agency_id for s in outcome.stories] == ["g1", "g3"]
    assert len(outcome.skipped) == 1
    assert any(line.startswith("quarantined feed.xml#") for line in outcome.lines())
    assert Story.objects.count() == 2


def test_two_versions_in_one_payload(acme: Agency) -> None:
    feed = rss([("g1", "First take"), ("g1", "Second take")])
    outcome = Pipeline(agency=acme).ingest(feed, origin="feed.xml")
    assert actions(outcome) == [Action.NEW, Action.UPDATED]
    assert Story.objects.get().versions.count() == 2


def test_hold_and_section(acme: Agency) -> None:
    world = Section.objects.create(slug="world", name="World")
    Pipeline(agency=acme, section=world, hold=True).ingest(nitf(), origin="a")
    story = Story.objects.get()
    assert story.status == Story.Status.HELD and story.section == world
    assert not Story.objects.public().exists()


def test_agency_found_from_the_payload() -> None:
    Agency.objects.create(slug="acme", name="Acme Wire Service", aliases="ACME, acme.example")
    Pipeline().ingest(rss([("g1", "Budget passes")], title="acme.example"), origin="feed.xml")
    assert Story.objects.get().agency.slug == "acme"


def test_update_keeps_a_later_desk_edit_as_last_modified(acme: Agency) -> None:
    pipeline = Pipeline(agency=acme)
    pipeline.ingest(nitf(version=1), origin="1")
    desk_time = datetime(2024, 1, 22, 15, 0, tzinfo=UTC)
    Story.objects.update(desk_modified=desk_time, pinned=True)
    pipeline.ingest(nitf(version=2, headline="Ferry back", issued="20240122T120000Z"), origin="2")
    story = Story.objects.get()
    assert story.headline == "Ferry back" and story.last_modified == desk_time
    assert story.pinned  # columns the ingest does not write are left as the desk set them
    pipeline.ingest(nitf(version=3, headline="Ferry back for good", issued="20240122T160000Z"), origin="3")
    assert Story.objects.get().last_modified == datetime(2024, 1, 22, 16, 0, tzinfo=UTC)


def test_unknown_provider_creates_an_agency() -> None:
    Pipeline().ingest(rss([("g1", "Budget passes")], title="Northwind Press"), origin="feed.xml")
    assert Story.objects.get().agency.name == "Northwind Press"


def test_headline_override_survives_updates_and_flags_review(acme: Agency) -> None:
    pipeline = Pipeline(agency=acme)
    pipeline.ingest(nitf(version=1), origin="1")
    Story.objects.update(headline_override="Ferry is back")
    pipeline.ingest(nitf(version=2, headline="Ferry back after a month", issued="20240122T120000Z"), origin="2")
    story = Story.objects.get()
    assert story.headline == "Ferry is back" and story.needs_review


def test_too_large_payload_is_refused_clearly(acme: Agency, settings: object) -> None:
    settings.WIREDESK_MAX_PAYLOAD_BYTES = 1000  # type: ignore[attr-defined]
    outcome = Pipeline(agency=acme).ingest(nitf(body="<p>" + "x" * 2000 + "</p>"), origin="big.xml")
    assert outcome.quarantined and "limit" in outcome.error
