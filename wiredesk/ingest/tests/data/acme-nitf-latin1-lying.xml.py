"""Declared ISO-8859-1, but the bytes are UTF-8: the characters must come out right."""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, StoryData

expected = ParseResult(
    format="nitf",
    stories=(
        StoryData(
            agency_id="ACME-L1-9",
            headline="Z\u00fcrich\u2019s \u201cquiet trams\u201d arrive",
            body_html="<p>Z\u00fcrich will test \u201cquiet trams\u201d \u2013 the city says \u2013 from May.</p>",
            dateline="Z\u00dcRICH, March 5",
            located="Z\u00dcRICH",
            first_created=datetime(2024, 3, 5, 7, 0, tzinfo=UTC),
            version_created=datetime(2024, 3, 5, 7, 0, tzinfo=UTC),
            format="nitf",
        ),
    ),
)
