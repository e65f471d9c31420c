"""Version 'Correction' and an 'Eds: CORRECTS' note: a correction of BC-Library-Boat."""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, Signal, StoryData, Subject

expected = ParseResult(
    format="anpa1312",
    stories=(
        StoryData(
            agency_id="BC-Library-Boat/2024-01-24",
            headline="Harbour town opens floating library",
            body_html=("<p>PORT ALDER (AP) — A retired car ferry opened on Thursday as a floating library.</p>"),
            slugline="BC-Library-Boat",
            dateline="PORT ALDER (AP)",
            located="PORT ALDER",
            urgency=3,
            signals=frozenset({Signal.CORRECTION}),
            version_created=datetime(2024, 1, 24, 19, 10, tzinfo=UTC),
            subjects=(Subject(code="anpa-category:a", name="Domestic general news"),),
            provider="AP",
            ednote="Eds: CORRECTS day of opening to Thursday, not Wednesday.",
            format="anpa1312",
        ),
    ),
)
