"""A NewsML 1.2 item with a plain-text ContentItem; the id is the PublicIdentifier without revision."""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, StoryData

expected = ParseResult(
    format="newsml1",
    stories=(
        StoryData(
            agency_id="urn:newsml:acme.example:20240117:LIBBOAT",
            headline="Harbour town opens floating library",
            body_html=(
                "<p>A retired car ferry opened on Wednesday as a floating library.</p><p>It sails on Tuesdays.</p>"
            ),
            version="1",
            first_created=datetime(2024, 1, 17, 8, 15, tzinfo=UTC),
            version_created=datetime(2024, 1, 17, 8, 15, tzinfo=UTC),
            provider="acme.example",
            format="newsml1",
        ),
    ),
)
