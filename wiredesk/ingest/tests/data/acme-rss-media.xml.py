"""Media RSS titles and descriptions describe the media object, never the story.

Item 1: <media:description>image</media:description> inside media:content does not
replace the item's own description as the body (feedparser read it as a second
description, which becomes the content). Item 2: a caption in media:group, before the
real description, changes neither abstract nor body. Item 3: an item whose only text is a
picture caption has a title and no body. The channel's media:title is not the feed's
title (the provider).
"""

from wiredesk.ingest.types import ParseResult, StoryData

_FEED = {"provider": "Acme Newswire", "format": "rss"}

expected = ParseResult(
    format="rss",
    stories=(
        StoryData(
            agency_id="acme-20240620-0007",
            headline="Lighthouse keeper retires after 40 years",
            body_html="<p>Ines Moura kept the Cape Alva light burning through 14,600 nights.</p>",
            **_FEED,
        ),
        StoryData(
            agency_id="acme-20240620-0008",
            headline="Fishing quota talks resume",
            body_html="<p>Ministers meet again on Thursday in Bergen.</p><p>No deal is expected.</p>",
            abstract="Ministers meet again on Thursday.",
            **_FEED,
        ),
        StoryData(
            agency_id="acme-20240620-0009",
            headline="Photo of the day: kites over the dunes",
            **_FEED,
        ),
    ),
)
