"""A guid is the agency's id as written; it stands in for the link only when it is a URL.

Read here from a file; test_feed_rules.py reads the same feed from an http address, where
feedparser resolved every permalink guid against the feed's address (item 1 became
"https://…/acme-20240622-0001"). Item 2's relative permalink is kept as written and is no
link; item 3's absolute one is also the link; item 4 has its own link.
"""

from wiredesk.ingest.types import ParseResult, StoryData

_FEED = {"body_html": "<p>x</p>", "provider": "Acme Newswire", "format": "rss"}

expected = ParseResult(
    format="rss",
    stories=(
        StoryData(
            agency_id="acme-20240622-0001", headline="A guid that is no URL, with the default isPermaLink", **_FEED
        ),
        StoryData(agency_id="/2024/06/22/relative", headline="A permalink guid that is a relative path", **_FEED),
        StoryData(
            agency_id="https://wire.acme.example/2024/06/22/absolute",
            headline="A permalink guid that is a URL, and no link",
            link="https://wire.acme.example/2024/06/22/absolute",
            **_FEED,
        ),
        StoryData(
            agency_id="acme-20240622-0004",
            headline="A link and a guid that is no URL",
            link="https://wire.acme.example/2024/06/22/linked",
            **_FEED,
        ),
    ),
)
