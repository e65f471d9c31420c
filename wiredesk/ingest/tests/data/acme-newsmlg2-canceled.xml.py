from datetime import datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData

# A kill notice: no headline and no content, yet a story version (the decider kills the
# story by its agency id); the headline says what happened instead of being empty.
expected = ParseResult(
    format="newsml-g2",
    stories=(
        StoryData(
            agency_id="urn:newsml:acme.example:20240702:zoo-escape",
            headline="Canceled by the agency",
            version="3",
            pubstatus=PubStatus.CANCELED,
            version_created=datetime(2024, 7, 2, 18, 30, tzinfo=timezone(timedelta(hours=2))),
            provider="ACME",
            ednote=(
                "KILL. The story about an escaped tapir is withdrawn: "
                "the zoo says no animal left its enclosure."
            ),
            format="newsml-g2",
        ),
    ),
)
