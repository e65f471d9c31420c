"""A post in the trash: killed."""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData

expected = ParseResult(
    format="wxr",
    stories=(
        StoryData(
            agency_id="https://herald.example/?p=7",
            headline="Harbour town opens floating library",
            body_html="<p>Withdrawn.</p>",
            pubstatus=PubStatus.CANCELED,
            first_created=datetime(2024, 1, 17, 8, 15, tzinfo=UTC),
            version_created=datetime(2024, 1, 17, 8, 15, tzinfo=UTC),
            provider="Harbour Herald",
            format="wxr",
        ),
    ),
)
