"""A 'Berichtigung' (correction) marker line and version #2 of story 240117-99-00041."""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, Signal, StoryData, Subject

expected = ParseResult(
    format="iptc7901",
    stories=(
        StoryData(
            agency_id="ACME:240117-99-00041",
            headline="Harbour town opens floating library",
            body_html=(
                "<p>Port Alder (Acme) - A retired car ferry opened on Thursday (corrects day) "
                "as a floating library.</p>"
            ),
            version="2",
            slugline="Harbour",
            dateline="Port Alder (Acme)",
            located="Port Alder",
            urgency=3,
            signals=frozenset({Signal.CORRECTION}),
            version_created=datetime(2024, 1, 17, 11, 5, tzinfo=UTC),
            subjects=(Subject(code="iptc7901-category:pl", name=""),),
            provider="ACME",
            ednote="Berichtigung",
            format="iptc7901",
        ),
    ),
)
