from datetime import datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, PubStatus, Signal, StoryData, Subject

CET = timezone(timedelta(hours=1))

expected = ParseResult(
    format="newsml-g2",
    stories=(
        StoryData(
            agency_id="urn:newsml:acme.example:20240312:harbour-ferry",
            # contentMeta/headline wins over the NITF hl1; inline markup becomes plain text
            headline="Portwell ferry back in service after two-day storm halt",
            # remoteContent (a PDF) is skipped; NITF hl2 → h2, <media> and <script> dropped
            body_html=(
                "<p>PORTWELL (Acme) - The harbour ferry resumed crossings on Tuesday morning after gales "
                "kept it in port since Sunday, the operator said.</p>"
                "<h2>Queues at the pier</h2>"
                "<p>About <b>200</b> passengers waited at the pier, said Mara Lind, a spokeswoman.</p>"
                "<p>More crossings are planned for the evening.</p>"
            ),
            version="3",
            # drol:summary, not the drol:caption
            abstract=(
                "The harbour ferry resumed crossings on Tuesday morning "
                "after gales kept it in port since Sunday."
            ),
            subheadline="Operator says timetable will be normal by Friday",
            slugline="PORTWELL-FERRY",
            byline="By Ada Quill, Tomas Reed",
            dateline="PORTWELL, March 12",
            located="Portwell",
            language="en-GB",
            urgency=4,
            pubstatus=PubStatus.USABLE,
            signals=frozenset({Signal.UPDATE}),
            first_created=datetime(2024, 3, 12, 7, 30, tzinfo=CET),
            version_created=datetime(2024, 3, 12, 9, 45, tzinfo=CET),
            embargoed=None,
            # the subject with only a name (no qcode/uri) is left out
            subjects=(
                Subject(code="medtop:20000502", name="transport"),
                Subject(code="medtop:20000520", name="maritime transport"),
                Subject(code="http://example.org/places/portwell", name=""),
            ),
            provider="Acme News Agency",
            ednote="Updates with ferry operator's statement.",
            copyright="(c) 2024 Acme News Agency. All rights reserved.",
            format="newsml-g2",
        ),
    ),
)
