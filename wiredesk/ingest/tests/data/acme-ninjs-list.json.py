"""A bare JSON list: a text story, a picture (passed over silently), an item without id (skipped)."""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, SkippedItem, StoryData

expected = ParseResult(
    format="ninjs",
    stories=(
        StoryData(
            agency_id="urn:acme:list:1",
            headline="Museum extends opening hours for winter exhibition",
            body_html="<p>The museum will stay open until 9pm on Thursdays.</p>",
            version_created=datetime(2024, 2, 1, 12, 0, tzinfo=UTC),
            format="ninjs",
        ),
    ),
    skipped=(SkippedItem(3, "Item 3: the ninjs item has no identifier (uri, guid or id)."),),
)
