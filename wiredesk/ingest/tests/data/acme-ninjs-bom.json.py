"""UTF-8 with a byte order mark; the non-ASCII text comes through unchanged."""

from datetime import datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, StoryData

CEST = timezone(timedelta(hours=2))

expected = ParseResult(
    format="ninjs",
    stories=(
        StoryData(
            agency_id="urn:acme:story:zurich-cafe",
            headline="Zürcher Café feiert 100 Jahre – Gäste aus São Paulo und Łódź",
            body_html=(
                "<p>ZÜRICH (ACME) – Das Café am Seeufer öffnete 1924 zum ersten Mal. "
                "«Wir sind stolz», sagte die Inhaberin.</p>"
            ),
            byline="Jürg Müller",
            language="de-CH",
            version_created=datetime(2024, 9, 9, 7, 0, tzinfo=CEST),
            format="ninjs",
        ),
    ),
)
