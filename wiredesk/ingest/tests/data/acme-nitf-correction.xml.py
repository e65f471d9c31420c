from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, Signal, StoryData

expected = ParseResult(
    format="nitf",
    stories=(
        StoryData(
            agency_id="ACME.2024.0117.LIBBOAT",
            headline="Harbour town opens floating library",
            body_html="<p>A retired ferry carrying 3,000 books opened on Wednesday.</p>",
            version="5",
            signals=frozenset({Signal.CORRECTION}),
            first_created=datetime(2024, 1, 17, 8, 15, tzinfo=UTC),
            version_created=datetime(2024, 1, 17, 14, 0, tzinfo=UTC),
            provider="ACME",
            ednote="Corrects paragraph 1. Fixes the number of books",
            format="nitf",
        ),
    ),
)
