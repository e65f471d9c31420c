"""Agency dates: ISO 8601, RFC 822 in many languages, missing zones, placeholders, never a guess."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from wiredesk.ingest import dates
from wiredesk.ingest.dates import first_date, parse_datetime, unreadable

IST = timezone(timedelta(hours=5, minutes=30))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20151210T191044Z", datetime(2015, 12, 10, 19, 10, 44, tzinfo=UTC)),
        ("20151210T191044+0530", datetime(2015, 12, 10, 19, 10, 44, tzinfo=IST)),
        ("20151210", datetime(2015, 12, 10, tzinfo=UTC)),
        ("2017-08-24T04:38:34+0000", datetime(2017, 8, 24, 4, 38, 34, tzinfo=UTC)),
        ("2024-01-22T11:08:00+05:30", datetime(2024, 1, 22, 11, 8, tzinfo=IST)),
        ("2024-01-22T11:08:00.123Z", datetime(2024, 1, 22, 11, 8, 0, 123000, tzinfo=UTC)),
        ("2024-01-22T11:08:00", datetime(2024, 1, 22, 11, 8, tzinfo=UTC)),  # no zone: UTC
        ("Mon, 22 Jan 2024 11:08:00 +0530", datetime(2024, 1, 22, 11, 8, tzinfo=IST)),
        ("Mon, 22 Jan 2024 11:08:00 GMT", datetime(2024, 1, 22, 11, 8, tzinfo=UTC)),
    ],
)
def test_readable_dates(text: str, expected: datetime) -> None:
    result = parse_datetime(text)
    assert result == expected and result is not None and result.tzinfo is not None


@pytest.mark.parametrize(
    "text", ["", "   ", None, "0000-00-00", "0000-00-00T00:00:00", "1970-01-01T00:00:00Z", "19000101", "Jan 21", "soon"]
)
def test_placeholders_and_junk_give_none(text: str | None) -> None:
    assert parse_datetime(text) is None


def _tz(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # RFC 822 with day and month names in the languages feeds are written in
        ("Seg, 03 Jun 2024 09:15:00 -0300", datetime(2024, 6, 3, 9, 15, tzinfo=_tz(-3))),  # pt
        ("Qua, 05 Fev 2014 10:00:00 +0000", datetime(2014, 2, 5, 10, 0, tzinfo=UTC)),  # pt
        ("Terça-feira, 04 Fevereiro 2014 10:00:00 -0200", datetime(2014, 2, 4, 10, 0, tzinfo=_tz(-2))),  # pt
        ("mié, 5 de febrero de 2014 10:00 CET", datetime(2014, 2, 5, 10, 0, tzinfo=_tz(1))),  # es
        ("mar., 04 févr. 2014 10:00:00 +0100", datetime(2014, 2, 4, 10, 0, tzinfo=_tz(1))),  # fr
        ("mardi 3 juin 2024 14:05", datetime(2024, 6, 3, 14, 5, tzinfo=UTC)),  # fr, no zone: UTC
        ("Di, 4. Juni 2024 08:00:00 MESZ", datetime(2024, 6, 4, 8, 0, tzinfo=_tz(2))),  # de
        ("Mo, 03 Mär 2024 10:00:00 +0200", datetime(2024, 3, 3, 10, 0, tzinfo=_tz(2))),  # de
        ("mer, 05 giu 2014 10:00:00 +0200", datetime(2014, 6, 5, 10, 0, tzinfo=_tz(2))),  # it
        ("wo, 05 mrt 2014 10:00:00 +0100", datetime(2014, 3, 5, 10, 0, tzinfo=_tz(1))),  # nl
        ("ons, 5 maj 2021 12:00:00 +0200", datetime(2021, 5, 5, 12, 0, tzinfo=_tz(2))),  # sv
        ("śr, 5 maja 2021 12:00:00 +0200", datetime(2021, 5, 5, 12, 0, tzinfo=_tz(2))),  # pl
        ("3 июня 2024 г. 10:00 MSK", datetime(2024, 6, 3, 10, 0, tzinfo=_tz(3))),  # ru
        # "mar" is Tuesday (es, fr, it) before a day and a month, March before a day and a year
        ("Mar, 03 Jun 2024", datetime(2024, 6, 3, tzinfo=UTC)),
        ("Mar 03 2024", datetime(2024, 3, 3, tzinfo=UTC)),
        # month first, asctime, AM/PM, two-digit years (RFC 5322 §4.3), GMT offsets
        ("June 5 2024", datetime(2024, 6, 5, tzinfo=UTC)),
        ("Sun Jan  4 16:29:06 PST 2004", datetime(2004, 1, 4, 16, 29, 6, tzinfo=_tz(-8))),
        ("Jun 3, 2024 10:00 PM", datetime(2024, 6, 3, 22, 0, tzinfo=UTC)),
        ("Thu, 01 Jan 04 19:48:21 GMT", datetime(2004, 1, 1, 19, 48, 21, tzinfo=UTC)),
        ("Fri, 31 Dec 99 23:59:59 GMT", datetime(1999, 12, 31, 23, 59, 59, tzinfo=UTC)),
        ("Mon, 03 Jun 2024 09:15:00 GMT+05:30", datetime(2024, 6, 3, 9, 15, tzinfo=IST)),
        ("Mon, 03 Jun 2024 09:15:00 ACST", datetime(2024, 6, 3, 9, 15, tzinfo=_tz(9.5))),
        # ISO 8601 with a blank instead of "T" and before the offset
        ("2024-06-03 09:15:00 +0200", datetime(2024, 6, 3, 9, 15, tzinfo=_tz(2))),
        ("2024-06-03t09:15:00z", datetime(2024, 6, 3, 9, 15, tzinfo=UTC)),
    ],
)
def test_named_and_spaced_dates(text: str, expected: datetime) -> None:
    assert parse_datetime(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "02-03-2014 00:56:28",  # day-month or month-day: never guessed (feedparser made 2002-03-20 of it)
        "02/03/2014",
        "031231",
        "2003-12",  # a month is not a day
        "Mon, 03 Jun 2024 09:15:00 IST",  # India, Ireland or Israel
        "Mon, 03 Jun 2024 09:15:00 XYZ",
        "Blursday, 03 Jun 2024",
        "next Tuesday",
        "Mon, 31 Feb 2024 10:00:00 GMT",
    ],
)
def test_ambiguous_or_unknown_dates_are_unreadable(text: str) -> None:
    assert parse_datetime(text) is None and unreadable(text)


@pytest.mark.parametrize("text", ["", "  ", None, "0000-00-00", "1970-01-01T00:00:00Z"])
def test_empty_and_placeholder_dates_are_not_unreadable(text: str | None) -> None:
    assert not unreadable(text)


def test_month_names_mean_one_month_each() -> None:
    # built at import, refusing a name that two languages give to different months
    assert dates._MONTHS["fevereiro"] == dates._MONTHS["févr"] == dates._MONTHS["fev"] == 2
    assert dates._MONTHS["červen"] == 6 and dates._MONTHS["červenec"] == 7


def test_first_date_notes_what_it_did_not_use() -> None:
    notes: list[str] = []
    found = first_date([("versionCreated", ""), ("contentModified", "2013-02-22T18:36:20Z")], notes)
    assert found == datetime(2013, 2, 22, 18, 36, 20, tzinfo=UTC)
    assert notes == ["versionCreated missing; contentModified used"]
    notes = []
    assert first_date([("date.issue", "02-03-2014"), ("pubdata", "20140302T005628Z")], notes) is not None
    assert notes == ["date.issue unreadable: '02-03-2014'; pubdata used"]
    notes = []
    assert first_date([("embargoed", "soon")], notes, "no embargo applied") is None
    assert notes == ["embargoed unreadable: 'soon'; no embargo applied"]
    notes = []
    assert first_date([("firstCreated", ""), ("contentCreated", "")], notes) is None and notes == []
