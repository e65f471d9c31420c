"""Script and style in plain-text fields go with their content, not only their tags.

The title and the channel title are RSS text (escaped markup that is not read as HTML: a
title's HTML holds no script or style): the <script>/<style> blocks in them are code, left out whole; the description
(HTML) loses them the same way, and its inline <b> leaves no blank before the full stop.
dc:creator and category are plain text too. The body is sanitized as always.
"""

from wiredesk.ingest.types import ParseResult, StoryData, Subject

expected = ParseResult(
    format="rss",
    stories=(
        StoryData(
            agency_id="acme-20240621-0001",
            headline="Budget passes first vote",
            body_html="<p>MPs approved the plan 301 to 250.</p>",
            abstract="MPs approved the plan 301 to 250.",
            byline="Jo Lind",
            subjects=(Subject("Politics", "Politics"),),
            provider="Acme Newswire",
            format="rss",
        ),
    ),
)
