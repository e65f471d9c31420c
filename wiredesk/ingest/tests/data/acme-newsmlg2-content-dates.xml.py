"""Empty versionCreated and firstCreated (as STT sends them): contentMeta's dates stand in.

firstCreated ← contentCreated (no zone: UTC), versionCreated ← contentModified; notes say
so. The embargo is unreadable words: no date is guessed, no embargo is applied, a note
says so.
"""

from datetime import UTC, datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData

expected = ParseResult(
    format="newsml-g2",
    stories=(
        StoryData(
            agency_id="urn:newsml:acme.example:20130216:ferry-strike",
            headline="Ferry crews end two-day strike",
            body_html="<p>Ferries run again from Friday morning.</p>",
            version="2",
            pubstatus=PubStatus.USABLE,
            first_created=datetime(2013, 2, 16, 17, 36, 20, tzinfo=UTC),
            version_created=datetime(2013, 2, 22, 18, 36, 20, tzinfo=timezone(timedelta(hours=2))),
            provider="ACME",
            format="newsml-g2",
            notes=(
                "firstCreated missing; contentCreated used",
                "versionCreated missing; contentModified used",
                "embargoed unreadable: 'next Tuesday'; no embargo applied",
            ),
        ),
    ),
)
