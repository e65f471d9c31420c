"""NTB NITF, first revision: doc-id "NTB<uuid>_00", du-key version 1.

NTB numbers revisions in the doc-id from 0 (_00, _01 …) and in du-key@version from 1; the
suffix the du-key confirms is cut off, so the story id is "NTB<uuid>" (NTB's own NTBID
meta) and every revision is a version of one story (ntb-nitf-revision-1.xml). The du-key
key is NTB's slugline and is not the id. Written for Wiredesk after NTB's published
sample; the text is invented.
"""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData, Subject

expected = ParseResult(
    format="nitf",
    stories=(
        StoryData(
            agency_id="NTB0c9e2a14-5b3d-4f61-9a0e-2f1d7c4b8e55",
            headline="Fergen til Utøya innstilt i helgen",
            body_html=(
                "<p>Fergen mellom fastlandet og øya går ikke lørdag og søndag.</p>\n"
                "      <p>Rederiet skylder på mannskapsmangel.</p>"
            ),
            version="1",
            byline="NTB",
            dateline="Hole",
            located="Hole",
            language="nb-NO",
            urgency=5,
            pubstatus=PubStatus.USABLE,
            first_created=datetime(2024, 6, 14, 9, 0, 4, tzinfo=UTC),  # no zone: UTC
            version_created=datetime(2024, 6, 14, 9, 0, 4, tzinfo=UTC),
            subjects=(Subject("subj:15000000", "Samferdsel"),),
            provider="NTB",
            format="nitf",
        ),
    ),
)
