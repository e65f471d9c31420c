"""ninjs 1.x: lowercase keys, single strings, ``subject`` with and without a scheme.

The body loses its script and event handler; the headline loses its tag and double space.
A code without scheme gets ``subj:``, a URI scheme is joined with its code, a code that is
already a qcode is kept, and a subject with only a name is dropped.
"""

from datetime import UTC, datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, StoryData, Subject

CEST = timezone(timedelta(hours=2))

expected = ParseResult(
    format="ninjs",
    stories=(
        StoryData(
            agency_id="urn:acme:story:harbour-bridge-0417",
            headline="Port town reopens old harbour bridge after repairs",
            body_html=(
                "<p>EASTPORT (ACME) - The swing bridge over the old harbour reopened on Wednesday.</p>"
                "<p>Engineers replaced <b>all</b> of the deck plates, the council said.</p>"
            ),
            version="3",
            abstract="The 90-year-old swing bridge carries traffic again after a two-year closure.",
            slugline="HARBOUR-BRIDGE",
            byline="By Mara Lindqvist",
            located="Eastport",
            language="en",
            urgency=4,
            first_created=datetime(2024, 4, 17, 8, 10, tzinfo=CEST),
            version_created=datetime(2024, 4, 17, 9, 45, tzinfo=CEST),
            embargoed=datetime(2024, 4, 17, 10, 0, tzinfo=UTC),
            subjects=(
                Subject("subj:11000000", "politics"),
                Subject("http://cv.iptc.org/newscodes/mediatopic/20000106", "bridge"),
                Subject("medtop:04000000", "economy"),
            ),
            provider="ACME",
            ednote="Adds council quote in second paragraph.",
            copyright="(c) 2024 Acme News Agency",
            format="ninjs",
        ),
    ),
)
