from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, SkippedItem, StoryData

# Three items: a text story, a picture (left out, not an error) and a text item without a
# guid (skipped with a reason; the story next to it still counts).
expected = ParseResult(
    format="newsml-g2",
    stories=(
        StoryData(
            agency_id="urn:newsml:acme.example:20240520:library-reopens",
            headline="City library reopens after roof repairs",
            body_html=(
                "<p>The central library opened its doors again on Monday "
                "after eight months of roof repairs.</p>"
            ),
            version="2",
            version_created=datetime(2024, 5, 20, 10, 58, tzinfo=UTC),
            provider="ACME",
            format="newsml-g2",
        ),
    ),
    skipped=(
        SkippedItem(
            position=3,
            reason="The NewsML-G2 news item has no guid, so its story cannot be identified.",
        ),
    ),
)
