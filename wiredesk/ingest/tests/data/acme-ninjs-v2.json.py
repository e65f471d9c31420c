"""ninjs 2.x: ``headlines``/``descriptions``/``bodies`` lists with roles, ``by``, ``subjects``.

The main headline is picked by role although the sub headline comes first; the caption is
not the abstract; the plain-text body becomes escaped paragraphs; urgency "5" is read as 5.
"""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData, Subject

expected = ParseResult(
    format="ninjs",
    stories=(
        StoryData(
            agency_id="http://acme.example/news/2024/orchard-frost",
            headline="Late frost hits apple orchards in the valley",
            body_html=(
                "<p>HILLFORD (ACME) - Apple growers said on Saturday that a late frost had "
                "damaged blossom.</p><p>The growers&#x27; association will publish a full estimate "
                "next week &amp; ask for aid.</p>"
            ),
            version="1",
            abstract="Blossom was damaged on about a third of the farms surveyed.",
            subheadline="Growers count losses after coldest March night in a decade",
            byline="Tom Okafor",
            located="Hillford",
            language="en-GB",
            urgency=5,
            pubstatus=PubStatus.WITHHELD,
            first_created=datetime(2024, 3, 2, 6, 30, tzinfo=UTC),
            version_created=datetime(2024, 3, 2, 6, 30, tzinfo=UTC),
            subjects=(
                Subject("http://cv.iptc.org/newscodes/mediatopic/20000256", "agriculture"),
                Subject("farming", "Farming"),
            ),
            ednote="Withheld pending confirmation of figures.",
            copyright="Acme News Agency",
            format="ninjs",
        ),
    ),
)
