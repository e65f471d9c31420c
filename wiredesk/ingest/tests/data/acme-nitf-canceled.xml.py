from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData

expected = ParseResult(
    format="nitf",
    stories=(
        StoryData(
            agency_id="ACME.2024.0117.LIBBOAT",
            headline="KILL: Harbour town opens floating library",
            body_html="<p>Editors: the story has been withdrawn.</p>",
            version="4",
            pubstatus=PubStatus.CANCELED,
            first_created=datetime(2024, 1, 17, 12, 0, tzinfo=UTC),
            version_created=datetime(2024, 1, 17, 12, 0, tzinfo=UTC),
            provider="Acme News Agency",
            ednote="Kill the story. The ferry opening was postponed.",
            copyright="\u00a9 2024 Acme News Agency",
            format="nitf",
        ),
    ),
)
