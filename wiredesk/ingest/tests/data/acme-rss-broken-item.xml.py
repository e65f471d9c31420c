"""RSS 2.0: item 2 has neither title nor description → skipped; items 1 and 3 are kept.

Item 3 has no title (headline = first twelve words of the description) and neither guid nor
link, so its agency id is sha1("" + "\\n" + pubDate) — title and raw pubDate — as a urn.
"""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, SkippedItem, StoryData

expected = ParseResult(
    format="rss",
    stories=(
        StoryData(
            agency_id="acme-reg-77",
            headline="Bridge repairs finish two weeks early",
            body_html="<p>Traffic returns to both lanes of the river crossing on Friday.</p>",
            first_created=datetime(2024, 6, 6, 14, 0, tzinfo=UTC),
            version_created=datetime(2024, 6, 6, 14, 0, tzinfo=UTC),
            provider="Acme Regional",
            format="rss",
        ),
        StoryData(
            agency_id="urn:sha1:0e12583bea0a7145e9918d427d9b489e9533fb4d",
            headline="Volunteers planted three hundred oak saplings along the old towpath on Saturday …",
            body_html=(
                "<p>Volunteers planted three hundred oak saplings along the old towpath on Saturday "
                "morning, the parks office said.</p>"
            ),
            first_created=datetime(2024, 6, 8, 12, 30, tzinfo=UTC),
            version_created=datetime(2024, 6, 8, 12, 30, tzinfo=UTC),
            provider="Acme Regional",
            format="rss",
        ),
    ),
    skipped=(SkippedItem(2, "Feed entry 2 has neither a title nor any text."),),
)
