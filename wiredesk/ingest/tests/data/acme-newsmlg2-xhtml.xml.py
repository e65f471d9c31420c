from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData, Subject

expected = ParseResult(
    format="newsml-g2",
    stories=(
        StoryData(
            agency_id="tag:acme.example,2024:orchard-frost",
            headline="Late frost threatens orchard harvest in the Brenn valley",
            # the h1 repeating the headline is dropped, a later h1 becomes h2; event
            # handlers, target and the iframe are sanitized away
            body_html=(
                "<p>Apple growers in the Brenn valley spent the night lighting small fires "
                "between the rows.</p>"
                "<h2>What comes next</h2>"
                '<p>Forecasters expect <a href="https://weather.example/brenn" '
                'rel="noopener noreferrer nofollow">'
                "milder air</a> by Thursday.</p>"
            ),
            version="1",
            # a description without a role is the abstract when there is no summary
            abstract="Growers lit fires between the rows overnight.",
            located="Valley of Brenn",
            # no contentMeta/language: newsItem/@xml:lang
            language="en",
            urgency=5,
            pubstatus=PubStatus.USABLE,
            version_created=datetime(2024, 4, 2, 16, 5, tzinfo=UTC),
            subjects=(Subject(code="medtop:20000256", name="agriculture"),),
            provider="Acme",
            format="newsml-g2",
        ),
    ),
)
