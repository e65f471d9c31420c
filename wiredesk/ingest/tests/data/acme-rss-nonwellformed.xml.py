"""RSS 2.0 that is not well-formed: a bare "&" in the first title.

lxml stops at the "&"; the feed reader repairs it (a bare "&" is an ampersand,
_feed_recover) and reads both items; the "&" is kept as a literal ampersand.
"""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, StoryData

expected = ParseResult(
    format="rss",
    stories=(
        StoryData(
            agency_id="acme-biz-501",
            headline="Bakers & Millers merger cleared by regulator",
            body_html="<p>The competition authority approved the deal without conditions.</p>",
            first_created=datetime(2024, 6, 4, 8, 0, tzinfo=UTC),
            version_created=datetime(2024, 6, 4, 8, 0, tzinfo=UTC),
            provider="Acme Business",
            format="rss",
        ),
        StoryData(
            agency_id="acme-biz-502",
            headline="Copper price steadies",
            body_html="<p>Metal traders reported thin volumes.</p>",
            first_created=datetime(2024, 6, 4, 8, 30, tzinfo=UTC),
            version_created=datetime(2024, 6, 4, 8, 30, tzinfo=UTC),
            provider="Acme Business",
            format="rss",
        ),
    ),
)
