"""A doc-id ending in "_07" that the du-key (version 3) does not confirm as a revision: kept.

Only a suffix that counts the du-key's revisions (NTB: suffix + 1 == du-key@version) is
cut off; here the id is used as written. date.issue is an ambiguous day-month order
("02-03-2014"): not guessed, pubdata@date.publication stands in, a note says so. The
byline's parts have no blank between them in the XML and are kept apart; the person in
the body keeps its comma.
"""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData

expected = ParseResult(
    format="nitf",
    stories=(
        StoryData(
            agency_id="ACME-MILL_07",
            headline="Mill town wins rail link",
            body_html=(
                "<p>The government agreed to fund the line, said mayor Ole Berg, after ten years of campaigning.</p>"
            ),
            version="3",
            byline="By Lena Vogt Transport correspondent",
            pubstatus=PubStatus.USABLE,
            first_created=datetime(2014, 3, 2, 0, 56, 28, tzinfo=UTC),
            version_created=datetime(2014, 3, 2, 0, 56, 28, tzinfo=UTC),
            provider="ACME",
            format="nitf",
            notes=("date.issue unreadable: '02-03-2014 00:56:28'; pubdata date.publication used",),
        ),
    ),
)
