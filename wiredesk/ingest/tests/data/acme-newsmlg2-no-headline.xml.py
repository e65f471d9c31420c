from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData

# No headline, slugline or title anywhere (STT sends such items): the first twelve words of
# the body stand in, never an empty headline. Empty headline/slugline/description elements
# count as absent; contenttype "xhtml/xml" (as STT writes it) is read as XHTML.
expected = ParseResult(
    format="newsml-g2",
    stories=(
        StoryData(
            agency_id="urn:newsml:acme.example:20241011:night-trains",
            headline="Night trains between the two capitals will run again from December, the…",
            body_html=(
                "<p>Night trains between the two capitals will run again from December, the rail operator "
                "announced on Friday morning.</p><p>Tickets go on sale next week.</p>"
            ),
            version="1",
            language="en",
            pubstatus=PubStatus.USABLE,
            version_created=datetime(2024, 10, 11, 5, 30, tzinfo=UTC),
            provider="ACME",
            format="newsml-g2",
        ),
    ),
)
