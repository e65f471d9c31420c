"""The article page: every element of the reference page, its head, its states."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import lxml.html
import pytest
from django.test import Client

from wiredesk.site.links import story_path
from wiredesk.site.tests.factories import IRAN, make_stories, make_story
from wiredesk.site.tests.html import all_, cls, fragment_links, one, parse
from wiredesk.stories import services
from wiredesk.stories.models import Agency, Section, Story

pytestmark = pytest.mark.django_db

SLUG = "iran-busts-over-10-terrorist-cells-after-kerman-twin-blasts-official"


@pytest.fixture
def iran(ians: Agency, middle_east: Section) -> Story:
    return make_story(ians, "urn:ians:iran", section=middle_east, **IRAN)


def page(client: Client, story: Story) -> lxml.html.HtmlElement:
    response = client.get(story_path(story))
    assert response.status_code == 200
    return parse(response.content)


def meta(doc: lxml.html.HtmlElement, key: str) -> str:
    found = doc.xpath(f'//meta[@property="{key}" or @name="{key}"]/@content')
    assert len(found) == 1, key
    return str(found[0])


def test_every_element_of_the_reference_page(client: Client, iran: Story) -> None:
    canonical = f"https://news.example/story/{iran.pk}/{SLUG}/"
    doc = page(client, iran)
    assert story_path(iran) == f"/story/{iran.pk}/{SLUG}/"
    assert doc.get("lang") == "en" and doc.get("dir") is None
    kicker = one(doc, f"//p[{cls('kicker')}]/a")
    assert kicker.text == "Middle East" and kicker.get("href") == "/section/middle-east/"
    assert one(doc, "//article/h1").text == IRAN["headline"]
    assert one(doc, f"//*[{cls('standfirst')}]").text == IRAN["abstract"]
    shares = {a.get("class"): a.get("href") for a in all_(doc, f"//nav[{cls('share')}]/a")}
    encoded = quote(canonical, safe="")
    assert shares["share-whatsapp"].startswith("https://wa.me/?text=") and encoded in shares["share-whatsapp"]
    assert shares["share-x"].startswith(f"https://twitter.com/intent/tweet?url={encoded}&text=")
    assert shares["share-facebook"] == f"https://www.facebook.com/sharer/sharer.php?u={encoded}"
    assert shares["share-telegram"].startswith(f"https://t.me/share/url?url={encoded}&text=")
    assert shares["share-email"].startswith("mailto:?subject=") and shares["share-email"].endswith(encoded)
    assert shares["share-copy"] == canonical
    assert one(doc, f"//nav[{cls('share')}]/a[@data-copy]").text == "Copy link"
    assert one(doc, f"//*[{cls('dateline')}]").text == "Tehran:"
    paragraphs = [p.text_content() for p in all_(doc, f"//div[{cls('body')}]/p[not({cls('dateline')})]")]
    assert paragraphs[0].startswith("Iran has identified") and len(paragraphs) == 2
    # the reference page's exact words, parentheses included
    assert one(doc, f"//*[{cls('provenance')}]").text == (
        "(The story has not been edited by Siasat staff and is published from a syndicated feed.)"
    )
    modified = one(doc, f"//*[{cls('modified')}]")
    assert modified.text_content() == "This post was last modified on January 22, 2024 11:08 am"
    assert one(modified, "./time").get("datetime") == "2024-01-22T11:08:00+05:30"
    box = one(doc, f"//aside[{cls('agency-box')}]")
    assert one(box, ".//a").text == "Indo-Asian News Service" and one(box, ".//a").get("href") == "/agency/ians/"
    assert one(box, "./p").text.startswith("Indo-Asian News Service or IANS is a private Indian news agency.")
    assert not all_(doc, f"//*[{cls('correction')}]")
    assert not doc.xpath("//script[@src] | //link[@rel='stylesheet'] | //img")  # nothing else to fetch


def test_head_has_canonical_open_graph_and_twitter_card(client: Client, iran: Story) -> None:
    canonical = f"https://news.example/story/{iran.pk}/{SLUG}/"
    doc = page(client, iran)
    assert doc.xpath("//link[@rel='canonical']/@href") == [canonical]
    assert meta(doc, "og:title") == IRAN["headline"]
    assert meta(doc, "og:description") == IRAN["abstract"]
    assert meta(doc, "og:url") == canonical
    assert meta(doc, "og:type") == "article"
    assert meta(doc, "og:site_name") == "Siasat"
    assert meta(doc, "article:modified_time") == "2024-01-22T11:08:00+05:30"
    assert meta(doc, "article:published_time") <= meta(doc, "article:modified_time")
    assert meta(doc, "article:section") == "Middle East"
    assert meta(doc, "twitter:card") == "summary"


def test_json_ld_news_article(client: Client, iran: Story) -> None:
    doc = page(client, iran)
    (script,) = doc.xpath("//script[@type='application/ld+json']")
    data = json.loads(script.text)
    assert data["@type"] == "NewsArticle" and data["headline"] == IRAN["headline"]
    # the agency dated the version before it was ingested: published never after modified
    published, modified = (datetime.fromisoformat(data[k]) for k in ("datePublished", "dateModified"))
    assert published <= modified == datetime(2024, 1, 22, 5, 38, tzinfo=UTC)
    assert data["author"] == {"@type": "Organization", "name": "Indo-Asian News Service", "url": "https://ians.in"}
    assert data["publisher"]["@type"] == "Organization" and data["publisher"]["name"] == "Siasat"
    assert data["articleSection"] == "Middle East"
    assert data["locationCreated"] == {"@type": "Place", "name": "Tehran"}
    assert data["mainEntityOfPage"]["@id"] == f"https://news.example/story/{iran.pk}/{SLUG}/"


def test_json_ld_cannot_be_broken_out_of(client: Client, ians: Agency) -> None:
    evil = make_story(ians, "urn:x", headline="Plain")
    # agency text arrives as plain text; the desk headline is the reader-visible raw string
    services.set_headline(evil, "</script><script>alert(1)</script> & more", actor="editor")
    response = client.get(story_path(evil))
    html = response.content.decode()
    start = html.index('<script type="application/ld+json">')
    block = html[start : html.index("</script>", start)]
    assert "<" not in block.split(">", 1)[1] and "&" not in block
    doc = parse(response.content)
    data = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)
    assert data["headline"] == "</script><script>alert(1)</script> & more"
    assert one(doc, "//article/h1").text == "</script><script>alert(1)</script> & more"


def test_provenance_follows_the_headline_override(client: Client, iran: Story) -> None:
    services.set_headline(iran, "Iran breaks up ten militant cells", actor="editor")
    doc = page(client, iran)
    assert one(doc, "//article/h1").text == "Iran breaks up ten militant cells"
    assert one(doc, f"//*[{cls('provenance')}]").text == (
        "(Except for the headline, the story has not been edited by Siasat staff "
        "and is published from a syndicated feed.)"
    )
    # the URL keeps the first headline's slug
    assert story_path(iran) == f"/story/{iran.pk}/{SLUG}/"


def test_correction_note(client: Client, ians: Agency) -> None:
    make_story(ians, "urn:c", headline="Harbour reopens")
    story = make_story(ians, "urn:c", headline="Harbour reopens", version="2", signals=["sig:correction"],
                       edNote="Corrects the name of the harbour.", body="<p>Fixed.</p>")  # fmt: skip
    assert story.current_version.is_correction
    note = one(page(client, story), f"//*[{cls('correction')}]")
    assert "corrected this story" in note.text_content() and "Corrects the name" in note.text_content()


def test_wrong_slug_redirects_to_the_canonical_url(client: Client, iran: Story) -> None:
    response = client.get(f"/story/{iran.pk}/old-words/?before=x")
    assert response.status_code == 301
    assert response["Location"] == f"/story/{iran.pk}/{SLUG}/?before=x"


def test_killed_story_is_gone(client: Client, iran: Story) -> None:
    services.kill(iran, actor="editor")
    response = client.get(story_path(iran))
    assert response.status_code == 410
    doc = parse(response.content)
    assert one(doc, f"//*[{cls('gone')}]").text == "This story was withdrawn by the desk."


def test_held_and_embargoed_stories_are_not_found(client: Client, ians: Agency) -> None:
    held = make_story(ians, "urn:held", hold=True)
    assert client.get(story_path(held)).status_code == 404
    later = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    embargoed = make_story(ians, "urn:embargoed", embargoedUntil=later)
    assert embargoed.embargoed_until is not None
    response = client.get(story_path(embargoed))
    assert response.status_code == 404 and b"Page not found" in response.content
    assert client.get("/story/999999/nothing/").status_code == 404
    Story.objects.filter(pk=embargoed.pk).update(embargoed_until=datetime.now(UTC) - timedelta(minutes=1))
    assert client.get(story_path(embargoed)).status_code == 200


def test_rtl_story(client: Client, ians: Agency) -> None:
    story = make_story(ians, "urn:ur", headline="کراچی میں بارش", language="ur-PK")
    response = client.get(story_path(story))
    doc = parse(response.content)
    assert doc.get("lang") == "ur-PK" and doc.get("dir") == "rtl"
    article = one(doc, "//article")
    assert article.get("lang") == "ur-PK" and article.get("dir") == "rtl"
    assert story_path(story) == f"/story/{story.pk}/story/"  # no ASCII in the headline


def test_related_stories_with_load_more(client: Client, iran: Story, ians: Agency, middle_east: Section) -> None:
    others = make_stories(ians, 25, section=middle_east)
    make_story(ians, "urn:elsewhere", headline="Elsewhere")
    doc = page(client, iran)
    links = [a.get("href") for a in all_(doc, "//ol[@id='related']/li/a")]
    assert len(links) == 20 and story_path(iran) not in links
    assert links[0] == story_path(others[-1])
    more = one(doc, f"//section[{cls('related')}]//p[{cls('more')}]/a")
    response = client.get(more.get("href") + "&fragment=1")
    rest = fragment_links(response.content)
    assert rest == [story_path(s) for s in reversed(others[:5])]
    assert not set(rest) & set(links)


def test_page_weight(client: Client, iran: Story, ians: Agency, middle_east: Section) -> None:
    make_stories(ians, 25, section=middle_east)
    assert len(client.get(story_path(iran)).content) <= 30 * 1024


def test_conditional_get_answers_304(client: Client, iran: Story) -> None:
    response = client.get(story_path(iran))
    etag, last_modified = response["ETag"], response["Last-Modified"]
    assert client.get(story_path(iran), HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(story_path(iran), HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    services.set_headline(iran, "A new headline", actor="editor")
    assert client.get(story_path(iran), HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_byline_is_the_author(client: Client, ians: Agency) -> None:
    story = make_story(ians, "urn:b", headline="Bylined", byline="Jane Roe")
    doc = page(client, story)
    assert one(doc, f"//*[{cls('byline')}]").text == "Jane Roe"
    data = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)
    assert data["author"] == {"@type": "Person", "name": "Jane Roe"}
    assert "articleSection" not in data
    assert one(doc, f"//p[{cls('kicker')}]/a").get("href") == "/"


def test_provenance_wording_and_credit_come_from_the_agency(client: Client, iran: Story) -> None:
    agency = iran.agency
    services.set_licence(
        agency,
        attribution="Indo-Asian News Service (IANS)",
        expire_after_days=None,
        provenance_unedited="(Published unedited by {site} from the {agency} feed.)",
        provenance_edited="(Headline by {site}; the rest is {agency}'s.)",
    )
    doc = page(client, Story.objects.get(pk=iran.pk))
    line = one(doc, f"//*[{cls('provenance')}]")
    assert line.text == "(Published unedited by Siasat from the Indo-Asian News Service feed.)"
    assert "Source: Indo-Asian News Service (IANS)" in one(line, f"./*[{cls('source')}]").text
    services.set_headline(Story.objects.get(pk=iran.pk), "Iran breaks up ten militant cells", actor="editor")
    doc = page(client, Story.objects.get(pk=iran.pk))
    assert one(doc, f"//*[{cls('provenance')}]").text == "(Headline by Siasat; the rest is Indo-Asian News Service's.)"
