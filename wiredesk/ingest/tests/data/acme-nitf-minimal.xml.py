from wiredesk.ingest.types import ParseResult, StoryData

expected = ParseResult(
    format="nitf",
    stories=(
        StoryData(
            agency_id="ACME-MIN-1",
            headline="Town clock set back by a minute",
            body_html="<p>The town clock was corrected on Monday.</p>",
            format="nitf",
        ),
    ),
)
