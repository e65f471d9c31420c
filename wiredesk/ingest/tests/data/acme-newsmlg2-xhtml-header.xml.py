"""An XHTML body that opens with an HTML5 <header>: slugline, time, genre, h1, h2, byline, dateline.

The header comes before any text of the body, so it is the item's: it leaves the body, and
its parts stand in where the G2 metadata is empty — slugline, subheadline, byline and
dateline; its <time datetime> stands in for the empty firstCreated and versionCreated. The
genre and the loose line of text have no field: left out, with notes. The <header> inside
the later <section> is that section's heading and stays (its tags dropped, its h2 kept).
"""

from datetime import datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData

_CEST = timezone(timedelta(hours=2))

expected = ParseResult(
    format="newsml-g2",
    stories=(
        StoryData(
            agency_id="tag:acme.example,2024:dam-vote",
            headline="Valley votes to keep its old dam",
            body_html=(
                "<p>Residents of the Brenn valley voted 61 to 39 percent to repair the 1920s dam.</p>"
                "\n            \n              <h2>What happens next</h2>\n"
                "              <p>Work starts in the autumn.</p>"
            ),
            version="3",
            subheadline="Repairs will cost less than a new one, the council says",
            slugline="DAM-VOTE",
            byline="By Ana Ruiz",
            dateline="BRENNVIK",
            language="en",
            pubstatus=PubStatus.USABLE,
            first_created=datetime(2024, 6, 11, 18, 30, tzinfo=_CEST),
            version_created=datetime(2024, 6, 11, 18, 30, tzinfo=_CEST),
            provider="Acme",
            format="newsml-g2",
            notes=(
                "XHTML header genre 'Analysis' left out (no field for it)",
                "XHTML header text left out: 'Updated with reactions'",
                "firstCreated missing; XHTML header time used",
                "versionCreated missing; XHTML header time used",
            ),
        ),
    ),
)
