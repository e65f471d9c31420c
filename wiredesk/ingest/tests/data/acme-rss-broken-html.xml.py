"""RSS 2.0 that is not well-formed in the ways feeds usually are not, repaired (_feed_recover).

HTML's entity names with no DTD (&eacute;, &nbsp;, &mdash;), a description holding HTML
that is not escaped and not well-formed (<br> and <p> left open), dc: and media: prefixes
used without their namespace declarations, and a vertical tab (no XML 1.0 character).
Item 1: the entities are read as HTML's, the description is read as HTML, dc:creator is
still the byline and media:description is still a picture's caption, not the body.
Item 2: the vertical tab is left out.
"""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, StoryData

_FEED = {"provider": "Acme Sport & Culture", "format": "rss"}

expected = ParseResult(
    format="rss",
    stories=(
        StoryData(
            agency_id="acme-cult-301",
            headline="Café owners cheer as festival returns — & brings crowds",
            body_html=(
                "<p>The street festival is back after four years.<br>Organisers expect 20,000 visitors.</p>"
                "<p>Tickets at the gate.</p>"
            ),
            byline="Ana Ruiz",
            first_created=datetime(2024, 6, 7, 10, 0, tzinfo=UTC),
            version_created=datetime(2024, 6, 7, 10, 0, tzinfo=UTC),
            **_FEED,
        ),
        StoryData(
            agency_id="acme-sport-302",
            headline="Rowing club wins regatta",
            body_html="<p>A close race on the river decided by a bow's length.</p>",
            **_FEED,
        ),
    ),
)
