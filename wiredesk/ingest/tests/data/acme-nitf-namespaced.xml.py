from datetime import datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, StoryData, Subject

CET = timezone(timedelta(hours=1))

expected = ParseResult(
    format="nitf",
    stories=(
        StoryData(
            agency_id="ACME-DE-778",
            headline="Bergbahn f\u00e4hrt wieder",
            body_html=(
                "<p>Die Bergbahn hat den Betrieb nach der Revision wieder aufgenommen.</p>\n"
                "        <h2>Neue Kabinen</h2>\n"
                '        <p lang="en">Cabins are new.</p>'
            ),
            byline="Acme",
            dateline="Andermatt, 2. M\u00e4rz",
            located="Andermatt",
            language="de-CH",
            urgency=6,
            first_created=datetime(2024, 3, 2, 10, 20, tzinfo=CET),
            version_created=datetime(2024, 3, 2, 10, 20, tzinfo=CET),
            subjects=(Subject(code="subj:04015000", name="Transport"),),
            provider="ACME",
            format="nitf",
        ),
    ),
)
