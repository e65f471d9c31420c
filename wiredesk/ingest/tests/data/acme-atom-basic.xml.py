"""Atom 1.0: feed xml:lang, an HTML title and content, two authors, a text summary.

Entry 1: content type="html" is the body (iframe dropped), the summary the abstract, both
authors the byline, categories with and without a label. Entry 2 has no author of its own,
so the feed's author is its byline (Atom §4.2.1; feedparser does not apply this, the parser
does); it overrides the language with xml:lang="fr", has content type="text" (paragraphs by
blank line), only <updated> and no link (feedparser's fallback of link = id is not used).
"""

from datetime import UTC, datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, StoryData, Subject

_BST = timezone(timedelta(hours=1))

expected = ParseResult(
    format="atom",
    stories=(
        StoryData(
            agency_id="urn:acme:sport:2024-0605-12",
            headline="Late goal sends Rovers into the final",
            body_html="<p>Rovers beat City 2-1 with a header in the 93rd minute.</p>",
            abstract="A header in stoppage time settled the semi-final.",
            byline="Priya Raman, Leo Brandt",
            language="en-GB",
            first_created=datetime(2024, 6, 5, 17, 20, tzinfo=_BST),
            version_created=datetime(2024, 6, 5, 17, 45, tzinfo=_BST),
            subjects=(Subject("football", "Football"), Subject("cup", "cup")),
            provider="Acme Sport",
            link="https://sport.acme.example/rovers-final",
            copyright="© 2024 Acme News Agency",
            format="atom",
        ),
        StoryData(
            agency_id="urn:acme:sport:2024-0605-13",
            headline="Cyclisme : étape annulée à cause du vent",
            body_html=(
                "<p>Les organisateurs ont annulé la quatrième étape.</p>"
                "<p>Les coureurs reprendront mercredi.</p>"
            ),
            byline="Acme Sport Desk",
            language="fr",
            version_created=datetime(2024, 6, 5, 16, 0, tzinfo=UTC),
            provider="Acme Sport",
            copyright="© 2024 Acme News Agency",
            format="atom",
        ),
    ),
)
