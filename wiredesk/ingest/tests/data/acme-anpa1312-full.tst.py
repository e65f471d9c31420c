"""A 1st Ld-Writethru (version 2) and its 1st Add in one transmission, joined in take order: photo and
Eds lines (editor's note), abstract line, byline with its title, ``quotes'', ' _ ' dash, a subhead, a
table (BS rows, DLE fixed spaces, '{' for a half), a rule."""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, StoryData, Subject

expected = ParseResult(
    format="anpa1312",
    stories=(
        StoryData(
            agency_id="BC-Library-Boat/2024-01-24",
            headline="Harbour town opens floating library",
            body_html=(
                "<p>PORT ALDER, Freedonia (AP) — A retired car ferry opened on Wednesday as a "
                "floating library.</p><p>“Books should travel like people do,” said librarian "
                "Tomas "
                "Reyes.</p><h3>Timetable</h3><table><tbody><tr><th></th><th>Day</th><th"
                ">Island</th></tr><tr><td>Tuesday</td><td>Gull "
                "Rock</td></tr><tr><td>Friday</td><td>½</td></tr></tbody></table><hr><p"
                ">The library lends books for a month.</p>"
            ),
            version="2",
            abstract="Converted ferry sails on Tuesdays",
            slugline="BC-Library-Boat",
            byline="By MIRA OLSEN, Associated Press",
            dateline="PORT ALDER, Freedonia (AP)",
            located="PORT ALDER",
            urgency=3,
            version_created=datetime(2024, 1, 24, 18, 32, tzinfo=UTC),
            subjects=(Subject(code="anpa-category:l", name="Lifestyle"),),
            provider="AP",
            ednote="AP Photo LIB101 Eds: Updates with quote. With AP Photos.",
            format="anpa1312",
        ),
    ),
)
