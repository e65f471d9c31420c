"""One published WordPress post; its id is the blog's shortlink (?p=7)."""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, StoryData

expected = ParseResult(
    format="wxr",
    stories=(
        StoryData(
            agency_id="https://herald.example/?p=7",
            headline="Harbour town opens floating library",
            body_html="<p>A retired car ferry opened on Wednesday as a floating library.</p>",
            slugline="floating-library",
            first_created=datetime(2024, 1, 17, 8, 15, tzinfo=UTC),
            version_created=datetime(2024, 1, 17, 8, 15, tzinfo=UTC),
            provider="Harbour Herald",
            link="https://herald.example/2024/01/17/floating-library/",
            format="wxr",
        ),
    ),
)
