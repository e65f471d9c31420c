"""RSS 1.0 (RDF): items beside the channel, ids from rdf:about, Dublin Core, content:encoded, xml:base.

Item 1: rdf:about is the agency id; the relative <link> and the body's relative link are
resolved against the document's xml:base (XML Base §4.2), although the sample is read from
a file path; content:encoded is the body, the description the abstract; dc:creator,
dc:subject and dc:date (the date of the last change: the version time) as in RSS 2.0.
Item 2: a URN id is no link. The channel's dc:language and dc:rights are every story's.
"""

from datetime import datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, StoryData, Subject

_CEST = timezone(timedelta(hours=2))
_FEED = {
    "language": "de",
    "provider": "Acme Nachrichten",
    "copyright": "© 2024 Acme Nachrichtenagentur",
    "format": "rss",
}

expected = ParseResult(
    format="rss",
    stories=(
        StoryData(
            agency_id="https://wire.acme.example/de/2024/06/hochwasser",
            headline="Hochwasser: Pegel am Rhein sinkt wieder",
            body_html=(
                "<p>KÖLN: Der Pegel des Rheins ist in der Nacht um 40 Zentimeter gesunken.</p>\n"
                '<p>Die Stadt verweist auf ihre <a href="https://wire.acme.example/de/karten/pegel" '
                'rel="noopener noreferrer nofollow">Pegelkarte</a>.</p>'
            ),
            abstract="Die Schifffahrt soll am Freitag wieder freigegeben werden.",
            byline="Jana Roth",
            version_created=datetime(2024, 6, 6, 8, 30, tzinfo=_CEST),
            subjects=(Subject("Umwelt", "Umwelt"),),
            link="https://wire.acme.example/de/2024/06/hochwasser",
            **_FEED,
        ),
        StoryData(
            agency_id="urn:acme:de:20240606-0002",
            headline="Bahn: Neue Strecke eröffnet",
            body_html="<p>Zwischen Erfurt und Gera fahren wieder Züge.</p>",
            version_created=datetime(2024, 6, 6, 9, 0, tzinfo=_CEST),
            **_FEED,
        ),
    ),
)
