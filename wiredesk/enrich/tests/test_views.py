"""Tag pages (Load more, feeds) and what enrichment adds to the article page."""

from __future__ import annotations

import pytest
from defusedxml import minidom
from django.test import Client, override_settings

from wiredesk.enrich.models import Tag
from wiredesk.enrich.services import enrich_pending
from wiredesk.enrich.tests.corpus import TEHRAN_BODY, TEHRAN_UPDATE
from wiredesk.enrich.tests.factories import agency, story
from wiredesk.site.links import story_path
from wiredesk.site.queries import PAGE_SIZE

pytestmark = pytest.mark.django_db

HEADLINE = "Iran busts over 10 terrorist cells after Kerman twin blasts"


def test_tag_page_pages_with_load_more_and_fragment(client: Client) -> None:
    src = agency("pti")
    for n in range(PAGE_SIZE + 3):
        story(src, f"PTI-{n}", f"Kerman story {n}", f"KERMAN: Story number {n} about unrelated thing {n * 7919}.")
    enrich_pending()
    tag = Tag.objects.get(kind="place", name="Kerman")
    response = client.get(f"/tag/place/{tag.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Kerman</h1>" in html and html.count("<li") >= PAGE_SIZE
    assert 'rel="next"' in html and "Load more" in html
    more = response.context["more_href"]
    page2 = client.get(more + "&fragment=1")
    assert page2.status_code == 200 and page2.content.decode().count("<li") == 3
    assert "Load more" not in page2.content.decode()


def test_unknown_tags_and_kinds_are_404(client: Client) -> None:
    assert client.get("/tag/place/atlantis/").status_code == 404
    assert client.get("/tag/colour/red/").status_code == 404


def test_tag_feeds(client: Client) -> None:
    story(agency("ians"), "IANS-1", HEADLINE, TEHRAN_BODY)
    enrich_pending()
    tag = Tag.objects.get(kind="organisation", name="Islamic State")
    rss = client.get(f"/tag/organisation/{tag.slug}/rss/")
    assert rss.status_code == 200
    doc = minidom.parseString(rss.content)
    titles = [n.firstChild.data for n in doc.getElementsByTagName("title")]
    assert titles[0].startswith("Islamic State") and HEADLINE in titles
    atom = client.get(f"/tag/organisation/{tag.slug}/atom/")
    entries = minidom.parseString(atom.content).getElementsByTagName("entry")
    assert len(entries) == 1


@override_settings(TIME_ZONE="Asia/Kolkata")
def test_article_page_shows_tags_copies_timeline_and_provenance(client: Client) -> None:
    ians = agency("ians", "Indo-Asian News Service", "IANS")
    xinhua = agency("xinhua", "Xinhua")
    story(ians, "IANS-1", HEADLINE, TEHRAN_BODY, issued="20240122T030800Z")
    a = story(ians, "IANS-1", HEADLINE, TEHRAN_BODY + TEHRAN_UPDATE, version=2, issued="20240122T053800Z")
    b = story(xinhua, "XIN-1", "Iran dismantles terror cells", "TEHRAN, Jan 21 (Xinhua) - " + TEHRAN_BODY)
    enrich_pending()
    html = client.get(story_path(a)).content.decode()
    assert '<span class="source"> Source: IANS, citing Xinhua.</span>' in html
    assert "Also reported by" in html and story_path(b) in html
    assert "Updated 11:08 IST: Added the Islamic Revolution Guards Corps" in html
    tag = Tag.objects.get(kind="place", name="Kerman")
    assert f'href="/tag/place/{tag.slug}/"' in html


def test_article_page_before_enrichment_names_the_agency(client: Client) -> None:
    a = story(agency("ians", "Indo-Asian News Service", "IANS"), "IANS-1", HEADLINE, TEHRAN_BODY)
    html = client.get(story_path(a)).content.decode()
    assert "Source: IANS.</span>" in html and "Also reported by" not in html
