"""One ANPA 1312 message: keyword slug line, headline, one paragraph, trailer with the GMT time."""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, StoryData, Subject

expected = ParseResult(
    format="anpa1312",
    stories=(
        StoryData(
            agency_id="BC-Library-Boat/2024-01-24",
            headline="Harbour town opens floating library",
            body_html=("<p>PORT ALDER (AP) — A retired car ferry opened on Wednesday as a floating library.</p>"),
            slugline="BC-Library-Boat",
            dateline="PORT ALDER (AP)",
            located="PORT ALDER",
            urgency=5,
            version_created=datetime(2024, 1, 24, 18, 15, tzinfo=UTC),
            subjects=(Subject(code="anpa-category:a", name="Domestic general news"),),
            provider="AP",
            format="anpa1312",
        ),
    ),
)
