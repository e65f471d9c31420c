"""A KILL marker line: the story (same id as the correction sample) is canceled."""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData, Subject

expected = ParseResult(
    format="iptc7901",
    stories=(
        StoryData(
            agency_id="ACME:240117-99-00041",
            headline="Harbour town opens floating library",
            body_html="<p>Editors: the story is withdrawn. Do not use it.</p>",
            slugline="Harbour/Kill",
            urgency=1,
            pubstatus=PubStatus.CANCELED,
            version_created=datetime(2024, 1, 17, 10, 2, tzinfo=UTC),
            subjects=(Subject(code="iptc7901-category:pl", name=""),),
            provider="ACME",
            ednote="KILL",
            format="iptc7901",
        ),
    ),
)
