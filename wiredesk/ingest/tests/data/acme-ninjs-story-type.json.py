"""ninjs objects whose type is a text story in other words: "story", "ninat:text", "Article".

"story" and "article" are vendors' words for text (and "ninat:text" IPTC's qcode): read,
not refused; the picture is passed over. Item 1: an empty firstCreated, so contentCreated
stands in (noted); a Portuguese RFC 822 versionCreated ("Seg", Monday); a body_text that
clearly is HTML is read as HTML (noted). Item 2: a body_text that only uses < and a tag
word stays text; an ambiguous day-month date is not guessed (noted). Item 3: a French
RFC 822 date ("mar.", "juin").
"""

from datetime import UTC, datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData

expected = ParseResult(
    format="ninjs",
    stories=(
        StoryData(
            agency_id="urn:acme:wire:2024-06-17:bridge",
            headline="Old bridge closes for a month of repairs",
            body_html="<p>The bridge closes on Monday.</p><p>Buses take the <b>ring road</b> instead.</p>",
            pubstatus=PubStatus.USABLE,
            first_created=datetime(2024, 6, 15, 10, 0, tzinfo=UTC),
            version_created=datetime(2024, 6, 17, 8, 0, tzinfo=timezone(timedelta(hours=-3))),
            format="ninjs",
            notes=("plain-text body held HTML markup; read as HTML", "firstCreated missing; contentCreated used"),
        ),
        StoryData(
            agency_id="urn:acme:wire:2024-06-17:choir",
            headline="Town choir wins national prize",
            # "<b>and</b>" without block structure: not clearly HTML, so it stays text
            body_html="<p>The choir sang &lt;b&gt;and&lt;/b&gt; won; 3 &lt; 4.</p><p>The prize is a tour.</p>",
            pubstatus=PubStatus.USABLE,
            format="ninjs",
            notes=("versionCreated unreadable: '02-03-2014 00:56:28'; receipt time used",),
        ),
        StoryData(
            agency_id="urn:acme:wire:2024-06-17:harbour",
            headline="Harbour festival moves to August",
            body_html="<p>The festival moves because of the works.</p>",
            pubstatus=PubStatus.USABLE,
            version_created=datetime(2024, 6, 18, 9, 30, tzinfo=timezone(timedelta(hours=2))),
            format="ninjs",
        ),
    ),
)
