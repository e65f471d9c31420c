"""``normalize``: what parsers return made storable, with a note for every change. No database."""

from __future__ import annotations

import ast
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from wiredesk.ingest import normalize
from wiredesk.ingest.decide import version_key
from wiredesk.ingest.normalize import (
    AGENCY_ID_MAX,
    DROPPED_WHEN_LONGER,
    EARLIEST,
    LATEST,
    MAX_LENGTHS,
    UNBOUNDED,
    escape_text,
    normalize_result,
    normalize_story,
    violations,
)
from wiredesk.ingest.types import ParseResult, StoryData, Subject
from wiredesk.stories.models import Story, StoryVersion

CLEAN = StoryData(
    agency_id="urn:acme:1", headline="Harbour reopens", body_html="<p>Café au lait.</p>", version="3",
    urgency=4, version_created=datetime(2024, 1, 22, 11, 8, tzinfo=UTC), subjects=(Subject("medtop:1", "économie"),),
)  # fmt: skip


def test_a_clean_story_is_returned_as_it_is() -> None:
    assert normalize_story(CLEAN) is CLEAN
    result = ParseResult(format="ninjs", stories=(CLEAN, CLEAN))
    assert normalize_result(result) is result
    assert violations(CLEAN) == []


def test_the_limits_are_the_model_columns() -> None:
    columns = {f.name: f.max_length for f in StoryVersion._meta.fields if getattr(f, "max_length", None)}
    columns["version"] = columns.pop("agency_version")
    limits = {**MAX_LENGTHS, **DROPPED_WHEN_LONGER}
    assert limits == {name: columns[name] for name in limits}
    assert Story._meta.get_field("wire_id").max_length == AGENCY_ID_MAX


@pytest.mark.parametrize("name", [*MAX_LENGTHS, *DROPPED_WHEN_LONGER, "agency_id"])
def test_every_limit_is_checked_on_the_fast_path_too(name: str) -> None:
    """The fast path spells the limits out; one past each must leave it."""
    limit = {**MAX_LENGTHS, **DROPPED_WHEN_LONGER, "agency_id": AGENCY_ID_MAX}[name]
    long = replace(CLEAN, **{name: "x" * (limit + 1)})
    fixed = normalize_story(long)
    assert fixed is not long and violations(fixed) == [] and fixed.notes
    at_limit = replace(CLEAN, **{name: "x" * limit})
    assert normalize_story(at_limit) is at_limit


@pytest.mark.parametrize("name", ["agency_id", *MAX_LENGTHS, *DROPPED_WHEN_LONGER, *UNBOUNDED])
@pytest.mark.parametrize("bad", ["\x00", "\ud800", "é\x00"])
def test_every_text_field_is_checked_on_the_fast_path(name: str, bad: str) -> None:
    """The fast path names the fields one by one; a NUL or surrogate in any must leave it."""
    fixed = normalize_story(replace(CLEAN, **{name: "ok" + bad}))
    assert violations(fixed) == [] and fixed.notes and getattr(fixed, name) != "ok" + bad
    for other in (replace(CLEAN, subjects=(Subject("a", bad),)), replace(CLEAN, notes=(bad,))):
        assert violations(normalize_story(other)) == [] and normalize_story(other) is not other


def test_long_text_is_cut_and_a_long_link_left_out() -> None:
    fixed = normalize_story(replace(CLEAN, headline="h" * 600, link="https://e.org/" + "p" * 1000))
    assert fixed.headline == "h" * 500 and fixed.link == ""
    assert fixed.notes == ("headline of 600 characters cut to 500", "link of 1014 characters is over 1000: left out")


def test_nul_and_lone_surrogates_become_replacement_characters() -> None:
    fixed = normalize_story(replace(CLEAN, headline="A\x00B", body_html="<p>\ud800x</p>",
                                    subjects=(Subject("medtop:\udfff", "n\x00"),), notes=("date '\x00'",)))  # fmt: skip
    assert fixed.headline == "A\ufffdB" and fixed.body_html == "<p>\ufffdx</p>"
    assert fixed.subjects == (Subject("medtop:\ufffd", "n\ufffd"),)
    assert fixed.notes[0] == "date '\ufffd'"  # the parser's note, cleaned, comes first
    assert "headline" in fixed.notes[1] and "body html" in fixed.notes[2]
    assert violations(fixed) == [] and violations(replace(CLEAN, headline="\x00")) != []
    fixed.headline.encode("utf-8")  # storable


def test_an_unclean_or_long_agency_id_keeps_stories_apart() -> None:
    ids = ["urn:t:\ud800", "urn:t:\ud801", "urn:t:\x00", "a" * 501, "a" * 500 + "b", "a" * 500 + "c"]
    stored = [normalize_story(replace(CLEAN, agency_id=i)).agency_id for i in ids]
    assert len(set(stored)) == len(ids)  # never two stories made one
    assert all(len(s) <= AGENCY_ID_MAX and s.encode("utf-8") for s in stored)
    assert stored[0].startswith("urn:t:\ufffd~") and stored[3].startswith("a" * 483 + "~")
    again = normalize_story(replace(CLEAN, agency_id="urn:t:\ud800"))
    assert again.agency_id == stored[0]  # stable: the next version finds the same story
    assert again.notes == (f"the agency id holds NUL or unpaired surrogate characters: stored as {stored[0]!r}",)


@pytest.mark.parametrize("urgency", [0, 10, -1, 2**70, True])
def test_urgency_outside_one_to_nine_is_left_out(urgency: int) -> None:
    fixed = normalize_story(replace(CLEAN, urgency=urgency))
    assert fixed.urgency is None and fixed.notes == (f"urgency {urgency!r} is not a number from 1 to 9: left out",)


@pytest.mark.parametrize(
    ("version", "number", "noted"),
    [
        ("7", 7, False), (" 12 ", 12, False), ("2147483647", 2147483647, False), ("0000000000042", 42, False),
        ("2147483648", None, True), ("99999999999999999999", None, True), ("²", None, True), ("١٢", None, True),
        ("v2", None, False), ("", None, False), ("1" * 5000, None, True),
    ],
)  # fmt: skip
def test_versions_that_are_no_usable_number_order_by_time(version: str, number: int | None, noted: bool) -> None:
    data = replace(CLEAN, version=version)
    assert version_key(data).number == number
    fixed = normalize_story(data)
    assert any("versions ordered by time" in n for n in fixed.notes) == noted
    assert violations(fixed) == []


def test_an_embargo_past_the_last_storable_day_is_held_not_dropped() -> None:
    late = datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-14)))
    fixed = normalize_story(replace(CLEAN, embargoed=late))
    assert fixed.embargoed == LATEST
    assert fixed.notes == (
        "embargoed 9999-12-31T23:59:59-14:00 is later than can be stored: held until 9999-12-30T00:00:00+00:00",
    )
    fixed.embargoed.astimezone(timezone(timedelta(hours=14)))  # shown in any time zone: no overflow


@pytest.mark.parametrize(
    "moment",
    [
        datetime(9999, 12, 31, 23, 0, tzinfo=UTC),
        datetime(1, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=14))),
        datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-14))),
    ],
)
def test_dates_out_of_range_are_left_out(moment: datetime) -> None:
    fixed = normalize_story(replace(CLEAN, version_created=moment, first_created=moment))
    assert fixed.version_created is None and fixed.first_created is None
    assert len(fixed.notes) == 2 and all("out of range: left out" in n for n in fixed.notes)
    early = normalize_story(replace(CLEAN, embargoed=moment))
    assert early.embargoed in (None, LATEST)  # an embargo long past is over; one past the end is held


def test_a_naive_date_is_taken_as_utc() -> None:
    fixed = normalize_story(replace(CLEAN, first_created=datetime(2024, 1, 22, 9, 0)))
    assert fixed.first_created == datetime(2024, 1, 22, 9, 0, tzinfo=UTC)
    assert fixed.notes == ("first created had no time zone: taken as UTC",)


def test_the_edges_of_the_range_are_kept() -> None:
    data = replace(CLEAN, first_created=EARLIEST, version_created=LATEST, embargoed=LATEST)
    assert normalize_story(data) is data and violations(data) == []


def test_mixed_good_and_bad_stories_in_one_result() -> None:
    bad = replace(CLEAN, agency_id="urn:acme:2", headline="\x00")
    result = normalize_result(ParseResult(format="ninjs", stories=(CLEAN, bad)))
    assert result.stories[0] is CLEAN and result.stories[1].headline == "\ufffd"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("plain words", "plain words"),
        ("x\nnew FAKE headline", "x\\nnew FAKE headline"),
        ("tab\there\r", "tab\\there\\r"),
        ("nul\x00 del\x7f c1\x85", "nul\\x00 del\\x7f c1\\x85"),
        ("line\u2028sep\u2029", "line\\u2028sep\\u2029"),
        ("bad byte \udcff and \ud800", "bad byte \\xff and \\ud800"),
        ("Grüße, नमस्ते, 東京\u3000ok", "Grüße, नमस्ते, 東京\u3000ok"),  # letters and spaces of every script stay
    ],
)
def test_escape_text_keeps_one_line(text: str, escaped: str) -> None:
    assert escape_text(text) == escaped
    assert escape_text(escaped) == escaped  # escaping twice changes nothing more
    escaped.encode("utf-8")


def test_the_module_is_pure() -> None:
    """No Django, database or network: it runs between the pure parsers and the rest."""
    tree = ast.parse(Path(normalize.__file__).read_text(encoding="utf-8"))
    imported = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert imported and not {m for m in imported if m.startswith(("django", "wiredesk.stories", "httpx"))}
