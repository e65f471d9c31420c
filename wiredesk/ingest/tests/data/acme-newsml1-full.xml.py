"""ISO-8859-1 NewsML 1.2: envelope priority overridden by the item's Urgency, embargo
(StatusWillChange), NewsLines, subjects, city, nested components: the 'Main' XHTML text is read,
the caption and picture are not; a second item that is only a photo is left out."""

from datetime import UTC, datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, StoryData, Subject

expected = ParseResult(
    format="newsml1",
    stories=(
        StoryData(
            agency_id="urn:newsml:acme.example:20240117:LIBBOAT",
            headline="Harbour town opens floating library",
            body_html=(
                "<p>PORT ALDER (Acme) - A retired car ferry opened as a floating library, the "
                'council said.</p>\n              <p>"Books should travel," said the librarian '
                "of the Möwe.</p>"
            ),
            version="3",
            subheadline="Converted ferry will carry 4,000 books",
            slugline="Freedonia-Library",
            byline="By Mira Olsen Acme Correspondent",
            dateline="PORT ALDER, Jan 17 (Acme) -",
            located="Port Alder",
            language="en",
            urgency=3,
            first_created=datetime(2024, 1, 17, 8, 15, tzinfo=UTC),
            version_created=datetime(2024, 1, 17, 10, 0, tzinfo=timezone(timedelta(hours=1))),
            embargoed=datetime(2024, 1, 17, 12, 0, tzinfo=UTC),
            subjects=(Subject(code="subj:01000000", name=""), Subject(code="subj:01021000", name="")),
            provider="Acme",
            copyright="© 2024 Acme News Agency",
            format="newsml1",
        ),
    ),
)
