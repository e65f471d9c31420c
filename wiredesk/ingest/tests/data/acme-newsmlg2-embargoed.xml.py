from datetime import datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, PubStatus, Signal, StoryData

EDT = timezone(timedelta(hours=-4))

expected = ParseResult(
    format="newsml-g2",
    stories=(
        StoryData(
            # the guid ends in ":2" like a version, but it is the agency's id: kept as given
            agency_id="urn:newsml:acme.example:20240815:science-prize:2",
            headline="Soil chemist wins national science prize",
            # NITF in inlineXML without a namespace and without body.head
            body_html=(
                "<p>A soil chemist who mapped how rain washes nitrogen from farmland has won this "
                "year's national science prize.</p>"
            ),
            version="2",
            language="en-US",
            pubstatus=PubStatus.USABLE,
            signals=frozenset({Signal.UPDATE}),
            version_created=datetime(2024, 8, 15, 6, 0, tzinfo=EDT),
            embargoed=datetime(2024, 8, 16, 10, 0, tzinfo=EDT),
            provider="ACME",
            format="newsml-g2",
        ),
    ),
)
