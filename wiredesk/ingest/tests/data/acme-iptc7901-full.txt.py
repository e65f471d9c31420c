"""Two messages in one ISO-8859-1 transmission. The first: a dpa-style story id with its version (#3), a
selector, a marker line (EIL), a byline, a part not for publication and the editors' initials
(left out); MEZ date line. The second has no story id: named by source, message number and date."""

from datetime import datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, StoryData, Subject

expected = ParseResult(
    format="iptc7901",
    stories=(
        StoryData(
            agency_id="ACME:240117-99-00042",
            headline="Fähre wird zur schwimmenden Bücherei",
            body_html=(
                "<p>Hafenstadt (Acme) - Eine ausgemusterte Autofähre ist seit Mittwoch eine "
                "schwimmende Bücherei, teilte der Stadtrat mit.</p><p>»Bücher sollen reisen "
                "wie Menschen«, sagte die Bibliothekarin. Die Fähre fährt dienstags zur "
                "Möweninsel.</p>"
            ),
            version="3",
            slugline="Deutschland-Kultur/Bibliothek",
            byline="By Mira Olsen",
            dateline="Hafenstadt (Acme)",
            located="Hafenstadt",
            urgency=2,
            version_created=datetime(2024, 1, 17, 8, 15, tzinfo=timezone(timedelta(hours=1))),
            subjects=(Subject(code="iptc7901-category:ku", name=""), Subject(code="iptc7901-selector:vvvvb", name="")),
            provider="ACME",
            ednote=("EIL The following information is not for publication Rückfragen: Redaktion Kultur, Tel. 040 1234"),
            format="iptc7901",
            notes=("read as cp1252",),
        ),
        StoryData(
            agency_id="ACME:acd043:20240117",
            headline="Sturm an der Küste",
            body_html="<p>Hafenstadt (Acme) - Ein Sturm hat am Abend die Küste erreicht.</p>",
            slugline="Wetter",
            dateline="Hafenstadt (Acme)",
            located="Hafenstadt",
            urgency=4,
            version_created=datetime(2024, 1, 17, 19, 2, tzinfo=timezone(timedelta(hours=1))),
            subjects=(Subject(code="iptc7901-category:vm", name=""),),
            provider="ACME",
            format="iptc7901",
            notes=("read as cp1252",),
        ),
    ),
)
