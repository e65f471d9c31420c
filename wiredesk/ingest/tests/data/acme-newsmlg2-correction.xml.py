from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, PubStatus, Signal, StoryData

expected = ParseResult(
    format="newsml-g2",
    stories=(
        StoryData(
            agency_id="urn:newsml:acme.example:20240601:bridge-vote",
            # role hld:main wins over an earlier hld:short
            headline="Council approves new footbridge over the Ems canal",
            # inlineData text/plain: blank lines separate paragraphs
            body_html=(
                "<p>The town council approved plans for a footbridge over the Ems canal on Saturday.</p>"
                "<p>The vote was 31-12, with two abstentions.</p>"
            ),
            version="4",
            slugline="CANAL-BRIDGE (CORRECTED)",
            language="en",
            # pubStatus given as a URI
            pubstatus=PubStatus.USABLE,
            # the agency-private signal is ignored
            signals=frozenset({Signal.CORRECTION}),
            first_created=datetime(2024, 6, 1, 12, 0, tzinfo=UTC),
            version_created=datetime(2024, 6, 1, 14, 20, tzinfo=UTC),
            # provider given only as a web address: its host
            provider="www.acme.example",
            ednote="CORRECTS vote count in 2nd paragraph to 31-12 (not 21-12).",
            format="newsml-g2",
        ),
    ),
)
