"""NTB NITF, second revision of ntb-nitf-revision-0.xml: doc-id "…_01", du-key version 2.

Same story id as revision 0; version 2; the new headline and body.
"""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData, Subject

expected = ParseResult(
    format="nitf",
    stories=(
        StoryData(
            agency_id="NTB0c9e2a14-5b3d-4f61-9a0e-2f1d7c4b8e55",
            headline="Fergen til Utøya innstilt hele helgen og mandag",
            body_html=(
                "<p>Fergen mellom fastlandet og øya går ikke lørdag, søndag eller mandag.</p>\n"
                "      <p>Rederiet skylder på mannskapsmangel.</p>\n"
                "      <h2>Buss i stedet</h2>\n"
                "      <p>Kommunen setter opp buss fra sentrum.</p>"
            ),
            version="2",
            byline="NTB",
            dateline="Hole",
            located="Hole",
            language="nb-NO",
            urgency=5,
            pubstatus=PubStatus.USABLE,
            first_created=datetime(2024, 6, 14, 11, 42, 10, tzinfo=UTC),
            version_created=datetime(2024, 6, 14, 11, 42, 10, tzinfo=UTC),
            subjects=(Subject("subj:15000000", "Samferdsel"),),
            provider="NTB",
            format="nitf",
        ),
    ),
)
