"""Instruction 'Rectify' and a CORRECTED- headline; inline NITF body."""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, Signal, StoryData

expected = ParseResult(
    format="newsml1",
    stories=(
        StoryData(
            agency_id="urn:newsml:acme.example:20240117:LIBBOAT",
            headline="CORRECTED-Harbour town opens floating library on Thursday",
            body_html="<p>The ferry opened on Thursday, not Wednesday.</p>",
            version="5",
            signals=frozenset({Signal.CORRECTION}),
            version_created=datetime(2024, 1, 17, 16, 0, tzinfo=UTC),
            provider="acme.example",
            ednote="Rectify",
            format="newsml1",
        ),
    ),
)
