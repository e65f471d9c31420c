"""``Pipeline.ingest_many``: many payloads per transaction, the same outcomes as one by one."""

from __future__ import annotations

import hashlib
import zlib
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from wiredesk.ingest import _sql, store
from wiredesk.ingest.pipeline import PayloadOutcome, Pipeline, batches
from wiredesk.ingest.tests.factories import nitf, rss
from wiredesk.ingest.types import Action
from wiredesk.stories.models import Agency, RawPayload, Story, StoryEvent, StoryVersion

pytestmark = pytest.mark.django_db


@pytest.fixture
def acme() -> Agency:
    return Agency.objects.create(slug="acme", name="Acme Wire Service")


def actions(outcome: PayloadOutcome) -> list[Action]:
    return [s.action for s in outcome.stories]


def test_mixed_good_and_bad_payloads_keep_order_and_outcomes(acme: Agency) -> None:
    items = [
        ("1.xml", nitf("ACME-1")),
        ("2.xml", b"<nitf><head>"),
        ("3.xml", rss([("g1", "Budget passes"), ("g2", ""), ("g3", "Storm warning")])),
        ("4.xml", nitf("ACME-4", headline="Bridge opens")),
    ]
    outcomes = list(Pipeline(agency=acme).ingest_many(items))
    assert [o.origin for o in outcomes] == ["1.xml", "2.xml", "3.xml", "4.xml"]
    assert [o.quarantined for o in outcomes] == [False, True, False, False]
    assert "not well-formed" in outcomes[1].error
    assert [s.agency_id for s in outcomes[2].stories] == ["g1", "g3"] and len(outcomes[2].skipped) == 1
    assert outcomes[3].lines() == ["new ACME-4 Bridge opens"]
    assert all(o.payload_id for o in outcomes)
    by_origin = {p.origin: p for p in RawPayload.objects.all()}
    assert (
        by_origin["2.xml"].outcome == RawPayload.Outcome.QUARANTINED and "not well-formed" in by_origin["2.xml"].error
    )
    assert zlib.decompress(bytes(by_origin["2.xml"].content)) == b"<nitf><head>"
    assert {by_origin[o].outcome for o in ("1.xml", "3.xml", "4.xml")} == {RawPayload.Outcome.OK}
    assert Story.objects.count() == 4
    story = Story.objects.get(wire_id="ACME-4")
    assert outcomes[3].stories[0].story_id == story.pk
    assert story.current_version.raw_payload_id == outcomes[3].payload_id
    assert story.events.get().action == "new"


def test_two_versions_of_one_story_in_one_batch(acme: Agency) -> None:
    items = [
        ("2.xml", nitf(version=2, headline="Second", issued="20240122T120000Z")),
        ("1.xml", nitf(version=1, headline="First")),
        ("3.xml", nitf(version=3, headline="Third", issued="20240122T130000Z")),
    ]
    outcomes = list(Pipeline(agency=acme).ingest_many(items))
    assert [actions(o) for o in outcomes] == [[Action.NEW], [Action.STALE], [Action.UPDATED]]
    story = Story.objects.get()
    assert story.headline == "Third" and story.versions.count() == 3
    assert {o.stories[0].story_id for o in outcomes} == {story.pk}
    assert story.current_version.raw_payload_id == outcomes[2].payload_id
    assert list(story.events.values_list("action", flat=True)) == ["new", "stale", "updated"]


def test_kill_then_update_in_one_batch(acme: Agency) -> None:
    items = [
        ("1.xml", nitf(version=1)),
        ("2.xml", nitf(version=2, status="canceled", issued="20240122T120000Z")),
        ("3.xml", nitf(version=3, headline="Back", issued="20240122T130000Z")),
    ]
    outcomes = list(Pipeline(agency=acme).ingest_many(items))
    assert [actions(o) for o in outcomes] == [[Action.NEW], [Action.KILLED], [Action.UPDATED]]
    story = Story.objects.get()
    # v3 is newer than the kill and usable: only the agency can lift its kill, and it did
    assert story.status == Story.Status.PUBLISHED and not story.agency_killed and story.killed_at is None
    assert story.current_version.headline == "Back"
    assert Story.objects.public().filter(pk=story.pk).exists()


def test_same_payload_twice_in_one_batch(acme: Agency) -> None:
    outcomes = list(Pipeline(agency=acme).ingest_many([("a.xml", nitf()), ("b.xml", nitf())]))
    assert [actions(o) for o in outcomes] == [[Action.NEW], [Action.UNCHANGED]]
    assert outcomes[0].payload_id == outcomes[1].payload_id
    assert (RawPayload.objects.count(), Story.objects.count(), StoryVersion.objects.count()) == (1, 1, 1)
    assert RawPayload.objects.get().origin == "a.xml"


def test_batches_are_cut_and_results_match_one_by_one(acme: Agency) -> None:
    items = [(f"{i}.xml", nitf(f"ACME-{i % 3}", version=i // 3 + 1, issued=f"202401{10 + i}T110800Z",
                               headline=f"Take {i}")) for i in range(7)]  # fmt: skip
    batched = [o.lines() for o in Pipeline(agency=acme).ingest_many(items, batch_size=2)]
    state = list(Story.objects.order_by("wire_id").values_list("wire_id", "current_version__headline", "status"))
    Story.objects.all().delete()
    RawPayload.objects.all().delete()
    single = [Pipeline(agency=acme)._ingest_one(Pipeline(agency=acme)._parse(o, d)).lines() for o, d in items]
    assert batched == single
    assert state == list(
        Story.objects.order_by("wire_id").values_list("wire_id", "current_version__headline", "status")
    )


def test_a_batch_costs_a_fixed_number_of_queries(acme: Agency) -> None:
    Pipeline(agency=acme).ingest(nitf("ACME-0"), origin="0.xml")
    # each batch: one new payload of a story already stored, the others new
    small = [("0b.xml", nitf("ACME-0", version=2, issued="20240122T120000Z"))]
    small += [(f"{i}.xml", nitf(f"ACME-{i}", headline=f"Story {i}")) for i in range(1, 3)]
    large = [("0c.xml", nitf("ACME-0", version=3, issued="20240122T130000Z"))]
    large += [(f"{i}.xml", nitf(f"ACME-{i}", headline=f"Story {i}")) for i in range(3, 60)]
    counts = []
    for items in (small, large):
        with CaptureQueriesContext(connection) as queries:
            assert len(list(Pipeline(agency=acme).ingest_many(items))) == len(items)
        counts.append(len(queries))
    # 10 for ingest, plus the two queries the site's purge makes (the stories that existed,
    # the lists the created ones join) and the two the search index makes (read the
    # stories, upsert their documents)
    assert counts[0] == counts[1] <= 14


def test_store_failure_falls_back_to_one_by_one(acme: Agency, monkeypatch: pytest.MonkeyPatch) -> None:
    write = store.write
    calls = []

    def fail_once(*args: Any, **kwargs: Any) -> None:
        calls.append(1)
        if len(calls) == 1:
            write(*args, **kwargs)  # rows written, then rolled back with the batch
            raise IntegrityError("simulated concurrent writer")
        write(*args, **kwargs)

    monkeypatch.setattr(store, "write", fail_once)
    items = [("1.xml", nitf("ACME-1")), ("2.xml", b"<nitf>"), ("3.xml", rss([("g1", "Budget"), ("g1", "Budget 2")]))]
    outcomes = list(Pipeline(agency=acme).ingest_many(items))
    assert [actions(o) for o in outcomes] == [[Action.NEW], [], [Action.NEW, Action.UPDATED]]
    assert outcomes[1].quarantined
    assert Story.objects.count() == 2 and StoryVersion.objects.count() == 3 and StoryEvent.objects.count() == 3
    assert sorted(RawPayload.objects.values_list("outcome", flat=True)) == ["ok", "ok", "quarantined"]


def test_database_constraint_violation_falls_back(acme: Agency, monkeypatch: pytest.MonkeyPatch) -> None:
    """A concurrent writer stored the story after the batch looked: the unique constraint says so."""
    Pipeline(agency=acme).ingest(nitf("ACME-1"), origin="first.xml")
    load_stories, calls = store.load_stories, []

    def stale_once(keys: Any) -> Any:  # the batch's view is stale; later looks are not
        calls.append(keys)
        return ({}, {}) if len(calls) == 1 else load_stories(keys)

    monkeypatch.setattr(store, "load_stories", stale_once)
    items = [("2.xml", nitf("ACME-2")), ("1.xml", nitf("ACME-1", version=2, issued="20240122T120000Z"))]
    outcomes = list(Pipeline(agency=acme).ingest_many(items))
    assert [actions(o) for o in outcomes] == [[Action.NEW], [Action.UPDATED]]
    assert Story.objects.count() == 2
    assert Story.objects.get(wire_id="ACME-1").versions.count() == 2


def test_payload_that_cannot_be_stored_never_loses_the_others(acme: Agency, monkeypatch: pytest.MonkeyPatch) -> None:
    write = store.write

    def refuse_acme_2(entries: Any, *args: Any, **kwargs: Any) -> Any:
        if any(entry.intent.data.agency_id == "ACME-2" for entry in entries):
            raise IntegrityError("simulated")
        return write(entries, *args, **kwargs)

    monkeypatch.setattr(store, "write", refuse_acme_2)
    items = [(f"{i}.xml", nitf(f"ACME-{i}")) for i in (1, 2, 3)]
    outcomes = list(Pipeline(agency=acme).ingest_many(items))
    assert [o.quarantined for o in outcomes] == [False, True, False]
    assert "could not be stored" in outcomes[1].error
    assert set(Story.objects.values_list("wire_id", flat=True)) == {"ACME-1", "ACME-3"}


def test_requarantined_payload_that_now_parses_turns_ok(acme: Agency) -> None:
    Pipeline(agency=acme).ingest(nitf(), origin="a.xml")
    RawPayload.objects.update(outcome=RawPayload.Outcome.QUARANTINED, error="old parser")
    outcome = next(Pipeline(agency=acme).ingest_many([("a.xml", nitf())]))
    assert actions(outcome) == [Action.UNCHANGED]
    assert RawPayload.objects.get().outcome == RawPayload.Outcome.OK and RawPayload.objects.get().error == ""


def test_too_large_payload_is_archived_as_a_record_in_a_batch(acme: Agency, settings: Any) -> None:
    settings.WIREDESK_MAX_PAYLOAD_BYTES = 1000
    big = nitf(body="<p>" + "x" * 2000 + "</p>")
    items = [("big.xml", big), ("ok.xml", nitf("ACME-2"))]
    outcomes = list(Pipeline(agency=acme).ingest_many(items))
    assert outcomes[0].quarantined and outcomes[0].too_large
    assert outcomes[0].error == (
        f"The payload is {len(big)} bytes, over the 1000 bytes limit (WIREDESK_MAX_PAYLOAD_BYTES); "
        "only its first 1000 bytes are kept."
    )
    assert actions(outcomes[1]) == [Action.NEW]
    record = RawPayload.objects.get(pk=outcomes[0].payload_id)
    assert record.outcome == RawPayload.Outcome.QUARANTINED and record.error == outcomes[0].error
    assert record.size == len(big) and zlib.decompress(bytes(record.content)) == big[:1000]
    assert record.sha256 == hashlib.sha256(big).hexdigest()  # the payload's own address
    assert RawPayload.objects.count() == 2


def test_agencies_resolved_per_story_across_a_batch() -> None:
    items = [
        ("a.xml", rss([("g1", "Budget passes")], title="Northwind Press")),
        ("b.xml", rss([("g1", "Budget passes again")], title="Southwind Press")),
        ("c.xml", rss([("g1", "Budget passes, update")], title="Northwind Press")),
    ]
    outcomes = list(Pipeline().ingest_many(items))
    assert [actions(o) for o in outcomes] == [[Action.NEW], [Action.NEW], [Action.UPDATED]]
    assert [o.stories[0].agency for o in outcomes] == ["northwind-press", "southwind-press", "northwind-press"]
    assert Story.objects.count() == 2


@pytest.mark.parametrize(
    "value",
    [
        datetime(2024, 1, 22, 12, 0, tzinfo=UTC),
        datetime(2024, 1, 22, 17, 30, 15, 250, tzinfo=timezone(timedelta(hours=5, minutes=30))),
    ],
)  # only aware values: the parsers never produce naive ones (dates.py)
def test_the_hot_path_adapts_values_as_the_orm_does(value: datetime) -> None:
    fields = {f.name: f for f in StoryVersion._meta.concrete_fields}
    adapt_time, adapt_json = _sql._prepare([fields["version_created"], fields["subjects"]], connection)
    assert adapt_time is not None and adapt_json is not None
    assert adapt_time(value) == fields["version_created"].get_db_prep_save(value, connection)
    for subjects in ([{"code": "medtop:04000000", "name": "économie"}], []):
        expected = fields["subjects"].get_db_prep_save(subjects, connection)
        assert str(adapt_json(subjects)) == str(expected)
    before = StoryEvent._meta.get_field("before")
    (adapt_object,) = _sql._prepare([before], connection)  # type: ignore[list-item]
    assert adapt_object is not None
    assert str(adapt_object({})) == str(before.get_db_prep_save({}, connection))  # type: ignore[union-attr]


def test_batches_are_bounded_by_count_and_by_bytes() -> None:
    items = [("a", b"x" * 10), ("b", b"x" * 10), ("c", b"x" * 50), ("d", b"x" * 5), ("e", b"x")]
    weigh = lambda item: len(item[1])  # noqa: E731
    by_count = [[name for name, _ in batch] for batch in batches(items, weigh, size=2, max_bytes=1000)]
    assert by_count == [["a", "b"], ["c", "d"], ["e"]]
    by_bytes = [[name for name, _ in batch] for batch in batches(items, weigh, size=100, max_bytes=30)]
    assert by_bytes == [["a", "b"], ["c"], ["d", "e"]]  # "c" alone is over the limit: a batch of its own
    assert list(batches([], weigh)) == []
