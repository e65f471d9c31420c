"""Headlines that parsers make from the first words of a body, when the item has none.

They read the body through ``wiredesk.text.plain_text``, as every part does (issue #12): one
line of words. Pure: no database.
"""

from __future__ import annotations

import json
from pathlib import Path

from wiredesk.ingest.detect import parse_payload

DATA = Path(__file__).parent / "data"
TWO_PARAGRAPHS = "<p>Tides.</p><p>The harbour master wrote about <b>the</b> ferry and the weekend storms.</p>"


def test_wordpress_post_without_a_title_gets_one_line_of_its_first_words() -> None:
    # The fallback used to keep the blank line between paragraphs: "Tides.\n\nThe harbour…".
    data = (DATA / "acme-wxr-full.xml").read_bytes()
    note = b"<![CDATA[Short note from the harbour master about the tides on the weekend and the ferry.]]>"
    assert data.count(note) == 1
    result = parse_payload(data.replace(note, f"<![CDATA[{TWO_PARAGRAPHS}]]>".encode()))
    [story] = [s for s in result.stories if s.agency_id.endswith("?p=105")]
    assert story.headline == "Tides. The harbour master wrote about the ferry and the weekend…"


def test_json_feed_item_without_a_title_gets_its_first_words() -> None:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Acme",
        "items": [{"id": "urn:acme:words", "content_html": TWO_PARAGRAPHS}],
    }
    [story] = parse_payload(json.dumps(feed).encode()).stories
    assert story.headline.startswith("Tides. The harbour master wrote about the ferry")
