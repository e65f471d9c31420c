"""inlineData declared text/plain, twice: once holding HTML, once real plain text.

Item 1 is how agencies that label HTML bodies text/plain really send them: every tag an
HTML element, paragraphs closed. It is read as HTML (sanitized: onclick and the script
dropped) and a note says so; escaped, readers would see "<p>". Item 2 is plain text that
only mentions a tag and uses < and >: escaped text in paragraphs, split at the blank line.
"""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData

_ITEM = {"version": "1", "pubstatus": PubStatus.USABLE, "provider": "ACME", "format": "newsml-g2"}

expected = ParseResult(
    format="newsml-g2",
    stories=(
        StoryData(
            agency_id="urn:newsml:acme.example:20240610:tram-line",
            headline="New tram line opens to the harbour",
            body_html=(
                "<p>The first tram left the central station at 6.02 am.</p>\n"
                '<p>Fares stay at <b>two crowns</b> until <a href="https://acme.example/fares" '
                'rel="noopener noreferrer nofollow">August</a>.</p>'
            ),
            version_created=datetime(2024, 6, 10, 7, 55, tzinfo=UTC),
            notes=("text/plain inlineData held HTML markup; read as HTML",),
            **_ITEM,
        ),
        StoryData(
            agency_id="urn:newsml:acme.example:20240610:html-course",
            headline="Library teaches pensioners to build web pages",
            body_html=(
                "<p>The first lesson covers the &lt;p&gt; element and why 3 &lt; 4 &amp; 5 &gt; 2 "
                "matter to a browser.</p><p>Twelve pensioners signed up; the course is free.</p>"
            ),
            version_created=datetime(2024, 6, 10, 7, 58, tzinfo=UTC),
            **_ITEM,
        ),
    ),
)
