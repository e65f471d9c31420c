"""One bad payload never costs another (issue #11), on the real database (SQLite and PostgreSQL).

The five payloads the issue reproduced each lost their whole batch; here each sits between
two good payloads, which must be stored, and every payload must have its archive row.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from typing import Any

import pytest

from wiredesk.ingest import archive, pipeline, store
from wiredesk.ingest.normalize import LATEST
from wiredesk.ingest.pipeline import PayloadOutcome, Pipeline
from wiredesk.ingest.tests.factories import ninjs, nitf
from wiredesk.ingest.types import Action
from wiredesk.stories import after
from wiredesk.stories.models import Agency, RawPayload, Story, StoryEvent, StoryVersion

pytestmark = pytest.mark.django_db

G2_URGENCY = """<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:g2:urg" version="1" standard="NewsML-G2"
  standardversion="2.33" conformance="power">
 <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
 <itemMeta><itemClass qcode="ninat:text"/><provider literal="Acme"/>
  <versionCreated>2024-01-22T11:08:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
 <contentMeta><urgency>²</urgency><headline>Ferry runs again</headline></contentMeta>
 <contentSet><inlineXML contenttype="application/xhtml+xml">
  <html xmlns="http://www.w3.org/1999/xhtml"><body><p>The ferry runs again.</p></body></html>
 </inlineXML></contentSet>
</newsItem>""".encode()

# The reproductions (each lost its whole batch), as payloads.
REPRODUCED = {
    "nitf-urgency": nitf("NITF-URG").replace(b"</docdata>", '<urgency ed-urg="²"/></docdata>'.encode()),
    "g2-urgency": G2_URGENCY,
    "ninjs-version": ninjs("urn:t:version").replace(b'"version": "1"', '"version": "²"'.encode()),
    "ninjs-uri": ninjs("urn:t:X").replace(b"urn:t:X", b"urn:t:\\ud800"),
    "nitf-version": nitf("NITF-VER").replace(b'version="1"', b'version="99999999999999999999"'),
    "ninjs-embargo": ninjs("urn:t:embargo", embargoed="9999-12-31T23:59:59-14:00"),
}


@pytest.fixture
def acme() -> Agency:
    return Agency.objects.create(slug="acme", name="Acme Wire Service")


def ingest_between_good_ones(acme: Agency, name: str, payload: bytes) -> PayloadOutcome:
    """Ingest ``payload`` between two good payloads in one batch; check the good ones and the archive."""
    items = [("good-1.xml", nitf("GOOD-1")), (name, payload), ("good-2.json", ninjs("urn:acme:good-2"))]
    first, outcome, last = Pipeline(agency=acme).ingest_many(items)
    assert [s.action for s in first.stories] == [Action.NEW] and not first.quarantined
    assert [s.action for s in last.stories] == [Action.NEW] and not last.quarantined
    assert {"GOOD-1", "urn:acme:good-2"} <= set(Story.objects.values_list("wire_id", flat=True))
    rows = {p.pk: p for p in RawPayload.objects.all()}
    assert len(rows) == 3 and {first.payload_id, outcome.payload_id, last.payload_id} == set(rows)
    assert zlib.decompress(bytes(rows[outcome.payload_id].content)) == payload  # type: ignore[index]
    return outcome


@pytest.mark.parametrize("name", ["nitf-urgency", "g2-urgency"])
def test_urgency_in_other_digits_never_costs_the_batch(acme: Agency, name: str) -> None:
    outcome = ingest_between_good_ones(acme, name, REPRODUCED[name])
    row = RawPayload.objects.get(pk=outcome.payload_id)
    # the parsers read it (ASCII digits only): the story is stored, without an urgency
    assert not outcome.quarantined and row.outcome == RawPayload.Outcome.OK
    assert StoryVersion.objects.get(raw_payload=row).urgency is None


def test_a_version_in_other_digits_is_stored_without_a_number(acme: Agency) -> None:
    outcome = ingest_between_good_ones(acme, "ninjs-version", REPRODUCED["ninjs-version"])
    assert [s.action for s in outcome.stories] == [Action.NEW]
    version = StoryVersion.objects.get(story__wire_id="urn:t:version")
    assert (version.agency_version, version.version_number) == ("²", None)
    assert version.notes == ["version '²' is not a number Wiredesk can order by: versions ordered by time"]


def test_a_lone_surrogate_in_the_id_is_stored_under_a_clean_stable_id(acme: Agency) -> None:
    outcome = ingest_between_good_ones(acme, "ninjs-uri", REPRODUCED["ninjs-uri"])
    (story,) = outcome.stories
    assert story.action is Action.NEW and story.agency_id.startswith("urn:t:\ufffd~")
    stored = Story.objects.get(pk=story.story_id)
    assert stored.wire_id == story.agency_id
    again = Pipeline(agency=acme).ingest(REPRODUCED["ninjs-uri"], origin="again.json")
    assert [s.action for s in again.stories] == [Action.UNCHANGED]  # the same story, found again


def test_a_version_past_any_integer_column_is_stored_without_a_number(acme: Agency) -> None:
    outcome = ingest_between_good_ones(acme, "nitf-version", REPRODUCED["nitf-version"])
    assert [s.action for s in outcome.stories] == [Action.NEW]
    version = StoryVersion.objects.get(story__wire_id="NITF-VER")
    assert version.agency_version == "99999999999999999999" and version.version_number is None


def test_an_embargo_past_the_last_storable_moment_stays_an_embargo(acme: Agency) -> None:
    outcome = ingest_between_good_ones(acme, "ninjs-embargo", REPRODUCED["ninjs-embargo"])
    assert [s.action for s in outcome.stories] == [Action.EMBARGOED]
    story = Story.objects.get(wire_id="urn:t:embargo")
    assert story.embargoed_until == LATEST and story.current_version.embargoed == LATEST
    assert not Story.objects.public().filter(pk=story.pk).exists()
    assert "held until" in story.current_version.notes[0]


def test_all_five_reproductions_in_one_batch(acme: Agency) -> None:
    items = [("good.xml", nitf("GOOD-0")), *REPRODUCED.items(), ("good-2.xml", nitf("GOOD-9"))]
    outcomes = list(Pipeline(agency=acme).ingest_many(items))
    assert [o.origin for o in outcomes] == [name for name, _ in items]
    assert all(o.payload_id for o in outcomes) and RawPayload.objects.count() == len(items)
    assert {"GOOD-0", "GOOD-9", "urn:t:version", "NITF-VER", "urn:t:embargo"} <= set(
        Story.objects.values_list("wire_id", flat=True)
    )


@pytest.fixture
def fail_for() -> Iterator[dict[str, BaseException]]:
    """Make ``decide`` raise the given exception for the given agency id (a bug in one story's rules)."""
    failures: dict[str, BaseException] = {}
    decide = pipeline.decide

    def failing(data: Any, *args: Any, **kwargs: Any) -> Any:
        if data.agency_id in failures:
            raise failures[data.agency_id]
        return decide(data, *args, **kwargs)

    pipeline.decide = failing  # type: ignore[assignment]
    try:
        yield failures
    finally:
        pipeline.decide = decide


def test_any_exception_while_deciding_quarantines_that_payload_only(acme: Agency, fail_for: Any) -> None:
    fail_for["ACME-2"] = ValueError("a rule nobody foresaw")
    items = [(f"{i}.xml", nitf(f"ACME-{i}")) for i in (1, 2, 3)]
    outcomes = list(Pipeline(agency=acme).ingest_many(items))
    assert [o.quarantined for o in outcomes] == [False, True, False]
    assert outcomes[1].error == "could not be stored (ValueError: a rule nobody foresaw)"
    assert set(Story.objects.values_list("wire_id", flat=True)) == {"ACME-1", "ACME-3"}
    row = RawPayload.objects.get(pk=outcomes[1].payload_id)  # the failed transaction took its row; written again
    assert row.outcome == RawPayload.Outcome.QUARANTINED and row.error == outcomes[1].error
    assert zlib.decompress(bytes(row.content)) == nitf("ACME-2")
    assert list(archive.iter_archived(quarantined_only=True)) == [(acme.pk, "2.xml", nitf("ACME-2"))]


def test_a_quarantined_payload_that_reads_later_turns_ok(acme: Agency, fail_for: Any) -> None:
    fail_for["ACME-2"] = KeyError("missing")
    Pipeline(agency=acme).ingest(nitf("ACME-2"), origin="2.xml")
    fail_for.clear()
    outcome = next(Pipeline(agency=acme).ingest_many([("2.xml", nitf("ACME-2"))]))
    assert [s.action for s in outcome.stories] == [Action.NEW]
    assert RawPayload.objects.get().outcome == RawPayload.Outcome.OK


@pytest.mark.parametrize("interrupt", [KeyboardInterrupt(), SystemExit(3)])
def test_interrupts_are_never_swallowed(acme: Agency, fail_for: Any, interrupt: BaseException) -> None:
    fail_for["ACME-2"] = interrupt
    with pytest.raises(type(interrupt)):
        list(Pipeline(agency=acme).ingest_many([("1.xml", nitf("ACME-1")), ("2.xml", nitf("ACME-2"))]))
    assert not Story.objects.exists()  # the batch's transaction was rolled back, nothing half-stored


def test_a_store_failure_of_another_kind_falls_back_one_by_one(acme: Agency, monkeypatch: pytest.MonkeyPatch) -> None:
    write = store.write

    def refuse(entries: Any, *args: Any, **kwargs: Any) -> Any:
        if any(e.intent.data.agency_id == "ACME-2" for e in entries):
            raise TypeError("unexpected value")
        return write(entries, *args, **kwargs)

    monkeypatch.setattr(store, "write", refuse)
    items = [(f"{i}.xml", nitf(f"ACME-{i}")) for i in (1, 2, 3)]
    outcomes = list(Pipeline(agency=acme).ingest_many(items))
    assert [o.quarantined for o in outcomes] == [False, True, False]
    assert "TypeError: unexpected value" in outcomes[1].error and outcomes[1].payload_id
    assert StoryEvent.objects.count() == 2


def test_a_parser_bug_is_that_payloads_trouble_only(acme: Agency, monkeypatch: pytest.MonkeyPatch) -> None:
    from wiredesk.ingest.formats import ninjs as ninjs_format

    def broken(data: bytes, *, url: str = "") -> Any:
        raise AttributeError("'NoneType' object has no attribute 'get'")

    monkeypatch.setattr(ninjs_format, "parse", broken)
    outcomes = list(Pipeline(agency=acme).ingest_many([("a.json", ninjs()), ("b.xml", nitf("ACME-2"))]))
    assert outcomes[0].error == (
        "The ninjs parser failed on this payload (AttributeError: 'NoneType' object has no attribute 'get')."
    )
    assert [s.action for s in outcomes[1].stories] == [Action.NEW]


def test_a_step_failing_after_the_commit_quarantines_nothing(
    acme: Agency, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    ran: list[tuple[int, ...]] = []

    def broken_purge(changes: after.Changes) -> None:
        raise RuntimeError("cache server down")

    monkeypatch.setattr(after, "_steps", dict(after._steps))  # the registry as it was, afterwards
    after.register("purge-pages", broken_purge, order=30, does="fails")
    after.register("test-later", lambda changes: ran.append(changes.stories), order=99, does="records")
    outcomes = list(Pipeline(agency=acme).ingest_many([("1.xml", nitf("ACME-1")), ("2.xml", nitf("ACME-2"))]))
    assert not any(o.quarantined for o in outcomes)
    assert StoryEvent.objects.count() == 2  # stored once: no second go one by one
    assert set(RawPayload.objects.values_list("outcome", flat=True)) == {RawPayload.Outcome.OK}
    assert ran == [tuple(sorted(Story.objects.values_list("pk", flat=True)))]  # the next step still ran
    assert "after-commit step purge-pages failed" in caplog.text and "cache server down" in caplog.text


def test_hostile_origins_are_archived_and_reported_on_one_line(acme: Agency) -> None:
    origin = "/drop/x\nnew FAKE headline \udcff\x00.xml"
    outcome = Pipeline(agency=acme).ingest(b"<nitf><broken", origin=origin)
    (line,) = outcome.lines()
    assert line.startswith("quarantined /drop/x\\nnew FAKE headline \\xff\\x00.xml ")
    assert RawPayload.objects.get().origin == "/drop/x\\nnew FAKE headline \\xff\\x00.xml"


def test_a_record_of_a_payload_never_read_whole(acme: Agency) -> None:
    pipe = Pipeline(agency=acme)
    outcome = pipe.record("/drop/huge.xml", "The file is 2.0 GB, over the limit.", size=2 * 10**9, head=b"<nitf>")
    again = pipe.record("/drop/huge.xml", "The file is 2.0 GB, over the limit.", size=2 * 10**9, head=b"<nitf>")
    assert outcome.quarantined and outcome.payload_id == again.payload_id  # the same file seen twice: one record
    row = RawPayload.objects.get()
    assert (row.size, row.outcome, zlib.decompress(bytes(row.content))) == (2 * 10**9, "quarantined", b"<nitf>")
    Pipeline(agency=acme).ingest(nitf(), origin="a.xml")
    assert [origin for _, origin, _ in archive.iter_archived()] == ["a.xml"]  # nothing to re-process in a record


def test_notes_are_kept_with_the_version_and_out_of_the_content_hash(acme: Agency) -> None:
    long = "h" * 600
    Pipeline(agency=acme).ingest(ninjs("urn:acme:long", headline=long), origin="a.json")
    version = StoryVersion.objects.get()
    assert version.headline == "h" * 500 and version.notes == ["headline of 600 characters cut to 500"]
    again = Pipeline(agency=acme).ingest(ninjs("urn:acme:long", headline=long), origin="b.json")
    assert [s.action for s in again.stories] == [Action.UNCHANGED]


def test_a_ninjs_list_with_one_hostile_item(acme: Agency) -> None:
    items = [json.loads(ninjs("urn:acme:1")), json.loads(ninjs("urn:acme:2")), json.loads(ninjs("urn:acme:3"))]
    items[1]["embargoed"] = "0001-01-02T05:00:00+14:00"  # 0001-01-01T15:00Z
    items[2]["urgency"] = 2**80
    outcome = Pipeline(agency=acme).ingest(json.dumps(items).encode(), origin="list.json")
    assert [s.action for s in outcome.stories] == [Action.NEW] * 3
    embargo_lifted = StoryVersion.objects.get(story__wire_id="urn:acme:2")
    assert embargo_lifted.embargoed is None and "out of range" in embargo_lifted.notes[0]
    assert StoryVersion.objects.get(story__wire_id="urn:acme:3").urgency is None
