"""The article page's text read from the body: the summary in the head, the dateline check.

Both read the body through ``wiredesk.text.plain_text`` (issue #12). They used Django's
``strip_tags``, which left entities encoded (the head said "Rain &amp;amp; wind") and ran
paragraphs together ("wind.Second").
"""

from __future__ import annotations

import json

import pytest
from django.test import Client

from wiredesk.site.links import story_path
from wiredesk.site.tests.factories import make_story
from wiredesk.site.tests.html import all_, cls, one, parse
from wiredesk.stories.models import Agency

pytestmark = pytest.mark.django_db

BODY = "<p>NEW&nbsp;DELHI: Rain &amp; <b>wind</b>.</p><p>Second.</p>"


def test_summary_without_an_abstract_is_the_body_as_readers_read_it(client: Client, ians: Agency) -> None:
    story = make_story(ians, "urn:ians:rain", body=BODY)
    doc = parse(client.get(story_path(story)).content)
    for key in ("description", "og:description", "twitter:description"):
        assert one(doc, f'//meta[@name="{key}" or @property="{key}"]').get("content") == (
            "NEW DELHI: Rain & wind. Second."
        )
    json_ld = json.loads(one(doc, '//script[@type="application/ld+json"]').text)
    assert "wind. Second." in json.dumps(json_ld)


def test_summary_is_cut_at_fifty_words(client: Client, ians: Agency) -> None:
    words = [f"w{n}" for n in range(60)]
    story = make_story(ians, "urn:ians:long", body="".join(f"<p>{w}</p>" for w in words))
    doc = parse(client.get(story_path(story)).content)
    assert one(doc, '//meta[@name="description"]').get("content") == " ".join(words[:50]) + "…"


@pytest.mark.parametrize(
    ("dateline", "shown"),
    [
        ("NEW DELHI:", False),  # the body starts with it, a no-break space between the words
        ("MUMBAI:", True),
    ],
)
def test_dateline_is_shown_only_when_the_body_lacks_it(
    client: Client, ians: Agency, dateline: str, shown: bool
) -> None:
    story = make_story(ians, "urn:ians:dateline", body=BODY, dateline=dateline)
    doc = parse(client.get(story_path(story)).content)
    assert bool(all_(doc, f"//*[{cls('dateline')}]")) is shown
