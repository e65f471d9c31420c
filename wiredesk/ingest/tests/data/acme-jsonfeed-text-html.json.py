"""JSON Feed: content_text that clearly is HTML; a script in the title; dates in German and in none.

content_text holding closed paragraphs of HTML is read as HTML (noted). The title is plain
text: the script's content goes with its tags. date_published is German RFC 822 ("Di",
"Jun", "MESZ" = UTC+2); date_modified "18/06/2024" is not a form Wiredesk reads (day and
month order unknown): not guessed, date_published stands in, noted.
"""

from datetime import datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, StoryData

_MESZ = timezone(timedelta(hours=2))

expected = ParseResult(
    format="jsonfeed",
    stories=(
        StoryData(
            agency_id="acme-2024-0618-01",
            headline="Council approves budget",
            body_html="<p>The council approved the budget 9 to 4.</p>\n<p>Taxes stay the same.</p>",
            first_created=datetime(2024, 6, 18, 14, 0, tzinfo=_MESZ),
            version_created=datetime(2024, 6, 18, 14, 0, tzinfo=_MESZ),
            provider="Acme Regional Wire",
            format="jsonfeed",
            notes=(
                "content_text held HTML markup; read as HTML",
                "date_modified unreadable: '18/06/2024 15:00'; date_published used",
            ),
        ),
    ),
)
