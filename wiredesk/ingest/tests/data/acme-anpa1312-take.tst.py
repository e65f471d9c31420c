"""A 2nd Add whose first part is not in this payload: a story of its own, with a note."""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, StoryData, Subject

expected = ParseResult(
    format="anpa1312",
    stories=(
        StoryData(
            agency_id="BC-Library-Boat/2024-01-24#take-2",
            headline="BC-Library-Boat (take 2)",
            body_html="<p>The ferry returns to port every evening.</p>",
            slugline="BC-Library-Boat",
            urgency=5,
            version_created=datetime(2024, 1, 24, 19, 20, tzinfo=UTC),
            subjects=(Subject(code="anpa-category:a", name="Domestic general news"),),
            provider="AP",
            format="anpa1312",
            notes=(
                (
                    "take 2 of BC-Library-Boat, whose first part was not in this payload: "
                    "Wiredesk does not join takes across payloads, so it is kept as a story of "
                    "its own"
                ),
            ),
        ),
    ),
)
