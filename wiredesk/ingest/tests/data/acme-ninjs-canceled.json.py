"""A kill: ``pubstatus`` canceled is kept as a story version with ``PubStatus.CANCELED``."""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData

expected = ParseResult(
    format="ninjs",
    stories=(
        StoryData(
            agency_id="urn:acme:story:mayor-resigns",
            headline="KILL - Mayor resigns (withdrawn)",
            body_html="<p>Editors: the story on the mayor&#x27;s resignation is withdrawn. Do not use.</p>",
            version="4",
            pubstatus=PubStatus.CANCELED,
            version_created=datetime(2024, 6, 30, 18, 2, tzinfo=UTC),
            ednote="Story killed: the report was wrong.",
            format="ninjs",
        ),
    ),
)
