"""Version 'Kill' of BC-Library-Boat: a kill of the story the other samples send."""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData, Subject

expected = ParseResult(
    format="anpa1312",
    stories=(
        StoryData(
            agency_id="BC-Library-Boat/2024-01-24",
            headline="KILL",
            body_html="<p>Editors: The story is killed. It is not to be published.</p>",
            slugline="BC-Library-Boat",
            urgency=2,
            pubstatus=PubStatus.CANCELED,
            version_created=datetime(2024, 1, 24, 19, 5, tzinfo=UTC),
            subjects=(Subject(code="anpa-category:a", name="Domestic general news"),),
            provider="AP",
            format="anpa1312",
        ),
    ),
)
