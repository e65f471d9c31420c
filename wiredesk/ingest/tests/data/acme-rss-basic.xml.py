"""RSS 2.0 with content:encoded, dc:creator, RSS <author>, categories and a guid-less item.

Item 1: content:encoded is the body (script dropped, relative link kept as sent because the
test URL is a file path, not http), description the abstract. Item 2: the HTML description is
the body (onclick dropped); "email (Name)" gives the byline. Item 3: no guid → the link is
the agency id; a tag-less description becomes a paragraph; no date.
"""

from datetime import UTC, datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, StoryData, Subject

_FEED = {
    "language": "en-us",
    "provider": "Acme Newswire",
    "copyright": "Copyright 2024 Acme News Agency",
    "format": "rss",
}

expected = ParseResult(
    format="rss",
    stories=(
        StoryData(
            agency_id="acme-20240603-0001",
            headline="Harbour city opens floating library for summer",
            body_html=(
                "<p>PORTVILLE: A converted car ferry moored at the old quay opened on Monday as a "
                "floating library.</p>\n<p>The city council said the boat holds "
                '<a href="/2024/05/ferry-sale" rel="noopener noreferrer nofollow">4,000 books</a> '
                "and a reading deck.</p>"
            ),
            abstract="A converted ferry will lend books at the quay until September.",
            byline="Mira Okonkwo",
            first_created=datetime(2024, 6, 3, 9, 15, tzinfo=timezone(timedelta(hours=2))),
            version_created=datetime(2024, 6, 3, 7, 15, tzinfo=UTC),
            subjects=(Subject("Culture", "Culture"),),
            link="https://wire.acme.example/2024/06/floating-library",
            **_FEED,
        ),
        StoryData(
            agency_id="https://wire.acme.example/2024/06/rail-talks",
            headline="Rail strike called off after overnight talks",
            body_html=(
                "<p>Unions and operators agreed on a <em>two-year</em> pay deal.</p>"
                "<p>Trains run normally on Tuesday.</p>"
            ),
            byline="Tomas Lindqvist",
            first_created=datetime(2024, 6, 3, 23, 40, tzinfo=UTC),
            version_created=datetime(2024, 6, 3, 23, 40, tzinfo=UTC),
            subjects=(Subject("Transport", "Transport"), Subject("Labour", "Labour")),
            link="https://wire.acme.example/2024/06/rail-talks",
            **_FEED,
        ),
        StoryData(
            agency_id="https://wire.acme.example/2024/06/weather-week",
            headline="Weather: Cooler week ahead & rain in the north",
            body_html="<p>Forecasters expect temperatures to drop by five degrees.</p>",
            link="https://wire.acme.example/2024/06/weather-week",
            **_FEED,
        ),
    ),
)
