from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData

expected = ParseResult(
    format="nitf",
    stories=(
        StoryData(
            agency_id="ACME-EMB-5",
            headline="Survey finds more otters on the coast",
            body_html="<p>Otter numbers rose by a fifth, the survey found.</p>",
            pubstatus=PubStatus.USABLE,
            first_created=datetime(2024, 4, 10, 18, 0, tzinfo=UTC),
            version_created=datetime(2024, 4, 10, 18, 0, tzinfo=UTC),
            embargoed=datetime(2024, 4, 11, 5, 0, tzinfo=UTC),
            provider="ACME",
            ednote="Embargoed until 0500 GMT Thursday.",
            format="nitf",
        ),
    ),
)
