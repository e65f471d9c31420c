"""Superdesk/AAP dialect: ``guid``, top-level ``body_html``, ``authors``, object-valued fields.

``version`` 2 (a number) is written as "2", urgency 3.0 as 3; ``dateline`` and ``located``
are objects; ``source`` is an object with a name; the ``signal`` list carries
``sig:update``; the link keeps ``rel=noopener`` and loses its handler, the iframe goes; a
time without zone is UTC.
"""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, Signal, StoryData, Subject

expected = ParseResult(
    format="ninjs",
    stories=(
        StoryData(
            agency_id="acme-20240812-0031",
            headline="Night ferry service to resume on Friday",
            body_html=(
                '<p>The operator said the <a href="https://acme.example/ferry" '
                'rel="noopener noreferrer nofollow">night ferry</a> would run again from Friday.</p>'
            ),
            version="2",
            abstract="The island route was suspended after a storm damaged the pier.",
            slugline="FERRY",
            byline="Lena Park, Omar Reyes",
            dateline="SOUTHPORT, Aug 12 ACME -",
            located="Southport",
            urgency=3,
            signals=frozenset({Signal.UPDATE}),
            version_created=datetime(2024, 8, 12, 22, 15, tzinfo=UTC),
            subjects=(Subject("subj:04000000", "economy, business and finance"),),
            provider="Acme News Agency",
            link="https://acme.example/stories/ferry-0031",
            format="ninjs",
        ),
    ),
)
