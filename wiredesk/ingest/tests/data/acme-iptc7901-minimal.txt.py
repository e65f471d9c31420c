"""One IPTC 7901 message: heading line, keyword line, headline ending in '=', one paragraph, date line."""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, StoryData, Subject

expected = ParseResult(
    format="iptc7901",
    stories=(
        StoryData(
            agency_id="ACME:acm001:20240117",
            headline="Harbour town opens floating library",
            body_html=("<p>Port Alder (Acme) - A retired car ferry opened on Wednesday as a floating library.</p>"),
            slugline="Harbour",
            dateline="Port Alder (Acme)",
            located="Port Alder",
            urgency=4,
            version_created=datetime(2024, 1, 17, 8, 15, tzinfo=UTC),
            subjects=(Subject(code="iptc7901-category:pl", name=""),),
            provider="ACME",
            format="iptc7901",
        ),
    ),
)
