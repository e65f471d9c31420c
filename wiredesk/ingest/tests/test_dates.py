"""Agency dates: basic and extended ISO 8601, RFC 822, missing zones, placeholders."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from wiredesk.ingest.dates import parse_datetime

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
