"""JSON Feed 1.0: items without id, not an object, or without any text are skipped.

The kept item inherits the 1.0 feed ``author``; its ``javascript:`` url is not a link.
"""

from datetime import datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, SkippedItem, StoryData

BST = timezone(timedelta(hours=1))

expected = ParseResult(
    format="jsonfeed",
    stories=(
        StoryData(
            agency_id="sports-77",
            headline="Local club wins cup on penalties",
            body_html="<p>The club won 5-4 on penalties after a goalless final.</p>",
            byline="Acme Sports Desk",
            first_created=datetime(2024, 5, 20, 21, 40, tzinfo=BST),
            version_created=datetime(2024, 5, 20, 21, 40, tzinfo=BST),
            provider="Acme Sports Wire",
            format="jsonfeed",
        ),
    ),
    skipped=(
        SkippedItem(1, "Item 1: the JSON Feed item has no id."),
        SkippedItem(2, "Item 2: the JSON Feed item is not a JSON object."),
        SkippedItem(4, "Item 4: the JSON Feed item sports-78 has no title, summary or content."),
    ),
)
