"""Status Canceled: a kill of LIBBOAT."""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData

expected = ParseResult(
    format="newsml1",
    stories=(
        StoryData(
            agency_id="urn:newsml:acme.example:20240117:LIBBOAT",
            headline="KILL: Harbour town opens floating library",
            body_html="<p>This story has been withdrawn. Do not use it.</p>",
            version="4",
            pubstatus=PubStatus.CANCELED,
            first_created=datetime(2024, 1, 17, 8, 15, tzinfo=UTC),
            version_created=datetime(2024, 1, 17, 15, 0, tzinfo=UTC),
            provider="acme.example",
            format="newsml1",
        ),
    ),
)
