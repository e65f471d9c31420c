"""Inline NITF without hedline: the headline is NITF's head/title, not the body's first words.

The byline's parts follow each other with no blank between them in the XML
(<byttl>By</byttl><person>…</person><byttl>…</byttl>): each part is kept apart by a space.
"""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData

expected = ParseResult(
    format="newsml-g2",
    stories=(
        StoryData(
            agency_id="urn:newsml:acme.example:20240612:port-fees",
            headline="Port raises fees for cruise ships",
            body_html="<p>The port authority will charge cruise ships twice as much from next year.</p>",
            version="1",
            byline="By Staff Reporter BusinessDesk",
            language="en",
            pubstatus=PubStatus.USABLE,
            version_created=datetime(2024, 6, 12, 9, 0, tzinfo=UTC),
            provider="ACME",
            format="newsml-g2",
        ),
    ),
)
