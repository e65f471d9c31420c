"""JSON Feed 1.1: a full item, and an item with only an id (a number) and ``content_text``.

The second item has no title or summary: its headline is the first twelve words of its
text; it inherits the feed's language and authors. Duplicate tags appear once.
"""

from datetime import UTC, datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, StoryData, Subject

CEST = timezone(timedelta(hours=2))

expected = ParseResult(
    format="jsonfeed",
    stories=(
        StoryData(
            agency_id="https://acme.example/wire/ferry-strike",
            headline="Ferry crews vote to strike over rotas",
            body_html="<p>Ferry crews voted to strike.</p><p>The union said talks had failed.</p>",
            abstract="A 24-hour stoppage is planned for next Monday.",
            byline="Ana Costa, Ben Marsh",
            language="en-GB",
            first_created=datetime(2024, 10, 1, 8, 0, tzinfo=UTC),
            version_created=datetime(2024, 10, 1, 9, 30, tzinfo=UTC),
            subjects=(Subject("transport", "transport"), Subject("strikes", "strikes")),
            provider="Acme Regional Wire",
            link="https://acme.example/wire/ferry-strike",
            format="jsonfeed",
        ),
        StoryData(
            agency_id="20241002",
            headline="Snow closed the mountain pass overnight and it will stay shut until …",
            body_html=(
                "<p>Snow closed the mountain pass overnight and it will stay shut until at least noon "
                "on Wednesday, the roads authority said.</p><p>Drivers were told to use the coast road.</p>"
            ),
            byline="Acme Desk",
            language="en",
            first_created=datetime(2024, 10, 2, 5, 15, tzinfo=CEST),
            version_created=datetime(2024, 10, 2, 5, 15, tzinfo=CEST),
            provider="Acme Regional Wire",
            format="jsonfeed",
        ),
    ),
)
