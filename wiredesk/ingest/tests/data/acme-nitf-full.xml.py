from datetime import UTC, datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData, Subject

expected = ParseResult(
    format="nitf",
    stories=(
        StoryData(
            agency_id="ACME.2024.0117.LIBBOAT",
            headline="Harbour town opens floating library",
            body_html=(
                "<p>PORT ALDER (Acme) \u2014 A retired car ferry opened on Wednesday as a floating"
                " library, the town council said.</p>\n        \n"
                '        <p>"Books should travel like people do," said librarian Tomas Reyes.</p>\n'
                "        <h2>Timetable</h2>\n"
                "        <table><tbody><tr><th>Day</th><th>Island</th></tr>"
                "<tr><td>Tuesday</td><td>Gull Rock</td></tr></tbody></table>\n"
                "        <blockquote><p>Every island gets a shelf.</p><cite>Council notice</cite></blockquote>\n"
                '        <p>More at <a href="https://example.org/library" rel="noopener noreferrer nofollow">'
                'the council site</a><a rel="noopener noreferrer nofollow">.</a></p>'
            ),
            version="3",
            abstract="A retired car ferry has become a library. It sails on Tuesdays.",
            subheadline="Converted ferry will carry 4,000 books between islands",
            slugline="Library Boat",
            byline="By Mira Olsen Acme Correspondent",
            dateline="Port Alder, Freedonia, Jan 17",
            located="Port Alder",
            language="en-GB",
            urgency=4,
            pubstatus=PubStatus.USABLE,
            first_created=datetime(2024, 1, 17, 8, 15, tzinfo=UTC),
            version_created=datetime(2024, 1, 17, 9, 0, tzinfo=timezone(timedelta(hours=1))),
            subjects=(
                Subject(code="subj:01000000", name="Arts, Culture and Entertainment"),
                Subject(code="subj:01021000", name="Library and museum"),
            ),
            provider="Acme News Agency",
            ednote="Moves with photos.",
            copyright="\u00a9 2024 Acme News Agency",
            format="nitf",
        ),
    ),
)
