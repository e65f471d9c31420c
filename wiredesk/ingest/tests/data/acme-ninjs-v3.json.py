"""ninjs 3.x: camelCase keys, role-tagged lists, ``embargoedUntil``, an explicit correction signal.

The HTML body is preferred over the plain one and only what is inside its ``<body>`` is
kept (not the ``<title>``); the HTML lead becomes a plain abstract; the name-only subject
is dropped.
"""

from datetime import datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, Signal, StoryData, Subject

BST = timezone(timedelta(hours=1))

expected = ParseResult(
    format="ninjs",
    stories=(
        StoryData(
            agency_id="urn:acme:2024:library-robot",
            headline="City library lends its first book-sorting robot",
            body_html=(
                "<p>NORTHBURY (ACME) - The central library has started using a robot to sort "
                "returned books.</p>"
                '<p>"It never takes a lunch break," said the library director, Ines Ward.</p>'
            ),
            version="2",
            abstract="A sorting machine now handles returned books overnight.",
            subheadline="Staff say queues at the returns desk have halved",
            slugline="library-robot",
            byline="Ines Hart and Paul Nye",
            located="Northbury",
            language="en",
            urgency=6,
            signals=frozenset({Signal.CORRECTION}),
            first_created=datetime(2024, 5, 6, 11, 5, tzinfo=BST),
            version_created=datetime(2024, 5, 6, 14, 20, tzinfo=BST),
            embargoed=datetime(2024, 5, 6, 15, 0, tzinfo=BST),
            subjects=(
                Subject("http://cv.iptc.org/newscodes/mediatopic/13010000", "technology and engineering"),
            ),
            ednote="Corrects spelling of director's name.",
            copyright="Copyright 2024 Acme News Agency",
            format="ninjs",
        ),
    ),
)
