"""The article's NewsArticle JSON-LD against Google's article structured data guidelines (issue #11)."""

from __future__ import annotations

import json
import struct
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client

from wiredesk.site.links import story_path
from wiredesk.site.meta import author_names, short_headline
from wiredesk.site.tests.factories import make_story
from wiredesk.site.tests.html import parse
from wiredesk.stories.models import Agency, Story

pytestmark = pytest.mark.django_db

LONG = (
    "Iran busts over 10 terrorist cells after Kerman twin blasts, official says, as security forces "
    "widen their hunt for the attackers"
)


def json_ld(client: Client, story: Story) -> dict[str, Any]:
    doc = parse(client.get(story_path(story)).content)
    (script,) = doc.xpath("//script[@type='application/ld+json']")
    data: dict[str, Any] = json.loads(script.text)
    return data


def test_publisher_logo_is_an_image_the_site_serves(client: Client, ians: Agency) -> None:
    logo = json_ld(client, make_story(ians, "urn:x"))["publisher"]["logo"]
    assert logo["@type"] == "ImageObject" and logo["url"].startswith("https://news.example/")
    response = client.get(urlsplit(logo["url"]).path)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert content[:8] == b"\x89PNG\r\n\x1a\n" and content[12:16] == b"IHDR"
    width, height = struct.unpack(">II", content[16:24])
    assert (width, height) == (logo["width"], logo["height"]) and min(width, height) >= 112  # Google: ≥ 112×112


def test_headline_is_at_most_110_characters_cut_at_a_word(client: Client, ians: Agency) -> None:
    data = json_ld(client, make_story(ians, "urn:long", headline=LONG))
    headline = data["headline"]
    assert len(headline) <= 110 and headline.endswith("\u2026")
    assert LONG.startswith(headline[:-1]) and LONG[len(headline) - 1] == " "
    assert headline.endswith(" as security forces widen their\u2026")
    assert json_ld(client, make_story(ians, "urn:short", headline="Harbour reopens"))["headline"] == "Harbour reopens"


def test_short_headline_edges() -> None:
    assert short_headline("x" * 110) == "x" * 110
    assert short_headline("x" * 111) == "x" * 109 + "\u2026"  # one word: cut inside it, still ≤ 110
    assert short_headline("a" * 109 + " bcd") == "a" * 109 + "\u2026"
    assert short_headline("word, " * 30).endswith("word\u2026")


def test_description_falls_back_to_the_summary_and_is_never_empty(client: Client, ians: Agency) -> None:
    with_abstract = make_story(ians, "urn:a", abstract="The harbour reopened on Monday.")
    assert json_ld(client, with_abstract)["description"] == "The harbour reopened on Monday."
    body_only = make_story(ians, "urn:b", body="<p>OSTHAVEN: The harbour <b>reopened</b> after the storm.</p>")
    assert json_ld(client, body_only)["description"] == "OSTHAVEN: The harbour reopened after the storm."
    empty = make_story(ians, "urn:c", body="")
    assert "description" not in json_ld(client, empty)


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Roe", ["Jane Roe"]),
        ("BY JANE ROE", ["JANE ROE"]),
        ("by: Jane Roe", ["Jane Roe"]),
        ("By Jane Roe and John Doe", ["Jane Roe", "John Doe"]),
        ("Ann Lee, Bob Ray & Carl Moe", ["Ann Lee", "Bob Ray", "Carl Moe"]),
        ("Jane Roe, Reuters", ["Jane Roe, Reuters"]),  # a comma alone names one person's employer
        ("Byron Bay", ["Byron Bay"]),  # "By" only as a word of its own
        ("By", []),
    ],
)
def test_author_names(byline: str, names: list[str]) -> None:
    assert author_names(byline) == names


def test_authors_are_people_without_by(client: Client, ians: Agency) -> None:
    two = make_story(ians, "urn:two", headline="Two", byline="By Jane Roe and John Doe")
    people = [{"@type": "Person", "name": "Jane Roe"}, {"@type": "Person", "name": "John Doe"}]
    assert json_ld(client, two)["author"] == people
    one = make_story(ians, "urn:one", headline="One", byline="BY JANE ROE")
    assert json_ld(client, one)["author"] == {"@type": "Person", "name": "JANE ROE"}
    items = {i["title"]: i for i in json.loads(client.get("/feeds/json/").content)["items"]}
    assert items["One"]["authors"] == [{"name": "JANE ROE"}]
    assert items["Two"]["authors"] == [{"name": "Jane Roe and John Doe"}]
    bare = make_story(ians, "urn:bare", headline="Bare", byline="By")
    assert json_ld(client, bare)["author"] == {"@type": "Organization", "name": ians.name, "url": "https://ians.in"}
