"""Enrichment of stored stories: sections, tags, topics, attribution, clusters, timeline."""

from __future__ import annotations

import pytest

from wiredesk.enrich.models import AgencyPreference, Enrichment, RegionSection, StoryTag, Tag
from wiredesk.enrich.services import enrich_pending, enrich_story, pending
from wiredesk.enrich.tests.corpus import TEHRAN_BODY, TEHRAN_UPDATE
from wiredesk.enrich.tests.factories import agency, story
from wiredesk.stories.models import Story, StoryEvent
from wiredesk.stories.services import add_section

pytestmark = pytest.mark.django_db

HEADLINE = "Iran busts over 10 terrorist cells after Kerman twin blasts"


def _tags(s: Story, kind: str) -> set[str]:
    return set(Tag.objects.filter(story_tags__story=s, kind=kind).values_list("name", flat=True))


def test_story_lands_in_its_region_section_without_a_routing_rule() -> None:
    middle_east = add_section("middle-east", "Middle East")
    s = story(agency("ians", "Indo-Asian News Service", "IANS"), "IANS-1", HEADLINE, TEHRAN_BODY)
    assert s.section is None
    enrichment = enrich_story(s)
    assert enrichment is not None and (enrichment.place, enrichment.country, enrichment.region) == (
        "Tehran",
        "IR",
        "middle-east",
    )
    s.refresh_from_db()
    assert s.section == middle_east
    event = StoryEvent.objects.get(story=s, action="section")
    assert event.actor == "enrich"


def test_a_section_the_story_already_has_is_kept_and_missing_sections_are_not_created() -> None:
    s = story(agency("ians"), "IANS-1", HEADLINE, TEHRAN_BODY)
    enrich_story(s)
    s.refresh_from_db()
    assert s.section is None  # no "middle-east" section exists
    sport = add_section("sport", "Sport")
    add_section("middle-east", "Middle East")
    Story.objects.filter(pk=s.pk).update(section=sport)
    s.refresh_from_db()
    enrich_story(s)
    s.refresh_from_db()
    assert s.section == sport


def test_admin_map_can_send_a_country_elsewhere() -> None:
    india = add_section("india", "India")
    RegionSection.objects.create(key="IN", section_slug="india")
    s = story(agency("pti"), "PTI-1", "Floods in Assam", "GUWAHATI, July 3 (PTI) - Floods in Assam cut off villages.")
    enrich_story(s)
    s.refresh_from_db()
    assert s.section == india


def test_tags_topics_and_attribution() -> None:
    s = story(agency("ians", "Indo-Asian News Service", "IANS"), "IANS-1", HEADLINE, TEHRAN_BODY + TEHRAN_UPDATE)
    enrichment = enrich_story(s)
    assert {"Tehran", "Iran", "Kerman", "Iraq", "Syria"} <= _tags(s, "place")
    assert {"Islamic State", "Islamic Revolution Guards Corps", "Xinhua"} <= _tags(s, "organisation")
    assert {"Qassem Soleimani", "Majid Mir-Ahmadi"} <= _tags(s, "person")
    assert "act of terror" in _tags(s, "topic")
    assert StoryTag.objects.get(story=s, tag__name="Tehran").source == "dateline"
    assert enrichment is not None and enrichment.provenance == "IANS, citing Xinhua"


def test_agency_subject_codes_win_over_keyword_rules() -> None:
    from wiredesk.stories.models import StoryVersion

    s = story(agency("pti"), "PTI-1", "Cricket: India win", "MUMBAI: A crime was reported at the match.")
    StoryVersion.objects.filter(pk=s.current_version_id).update(subjects=[{"code": "subj:15000000", "name": "sport"}])
    s.refresh_from_db()
    enrich_story(s)
    assert _tags(s, "topic") == {"sport"}


def test_enriching_again_replaces_tags_and_pending_follows_new_versions() -> None:
    src = agency("ians")
    s = story(src, "IANS-1", HEADLINE, TEHRAN_BODY)
    assert list(pending()) == [s]
    assert enrich_pending() == 1
    assert list(pending()) == []
    assert "Syria" not in _tags(s, "place")
    s = story(src, "IANS-1", HEADLINE, TEHRAN_BODY + TEHRAN_UPDATE, version=2, issued="20240122T120800Z")
    assert list(pending()) == [s]
    assert enrich_pending() == 1
    assert "Syria" in _tags(s, "place")
    enrichment = Enrichment.objects.get(story=s)
    assert [e["summary"] for e in enrichment.timeline] == [
        "Added the Islamic Revolution Guards Corps said early Tuesday that it had fired ballistic missiles…"
    ]
    assert enrich_pending(everything=True) == 1


def test_copies_from_several_agencies_form_one_cluster_with_a_preferred_primary() -> None:
    ians, xinhua, pti = agency("ians"), agency("xinhua"), agency("pti")
    a = story(ians, "IANS-1", HEADLINE, TEHRAN_BODY + TEHRAN_UPDATE)
    b = story(xinhua, "XIN-1", "Iran dismantles terror cells", "TEHRAN, Jan 21 (Xinhua) - " + TEHRAN_BODY)
    c = story(pti, "PTI-9", "Floods in Assam", "GUWAHATI, July 3 (PTI) - Floods in Assam cut off villages.")
    AgencyPreference.objects.create(agency=xinhua, rank=1)
    for s in (a, b, c):
        enrich_story(s)
    ea, eb, ec = (Enrichment.objects.get(story=s) for s in (a, b, c))
    assert ea.cluster_id is not None and ea.cluster_id == eb.cluster_id
    assert ec.cluster_id is None
    assert ea.cluster is not None and ea.cluster.primary_id == b.pk


def test_a_redelivery_under_a_new_id_joins_the_cluster() -> None:
    ians = agency("ians")
    a = story(ians, "IANS-1", HEADLINE, TEHRAN_BODY)
    b = story(ians, "IANS-1-resent", HEADLINE, TEHRAN_BODY)
    enrich_story(a)
    enrich_story(b)
    cluster = Enrichment.objects.get(story=a).cluster
    assert cluster is not None and cluster == Enrichment.objects.get(story=b).cluster
    assert cluster.primary_id == a.pk  # same agency: the earlier copy


def test_alike_stories_from_different_datelines_are_not_one_story() -> None:
    """Wire templates: the same sentences about another city are another story."""
    ians = agency("ians")
    a = story(ians, "IANS-1", HEADLINE, TEHRAN_BODY)
    b = story(ians, "IANS-2", HEADLINE, TEHRAN_BODY.replace("Tehran:", "Baghdad:", 1))
    enrich_story(a)
    enrich_story(b)
    ea, eb = Enrichment.objects.get(story=a), Enrichment.objects.get(story=b)
    assert (ea.place, eb.place) == ("Tehran", "Baghdad")
    assert eb.cluster_id is None or eb.cluster_id != ea.cluster_id


def test_secondary_copies_are_the_non_primary_members() -> None:
    from wiredesk.site.queries import agency_stories, listed, secondary_copies

    ians, xinhua = agency("ians"), agency("xinhua")
    a = story(ians, "IANS-1", HEADLINE, TEHRAN_BODY + TEHRAN_UPDATE)
    b = story(xinhua, "XIN-1", "Iran dismantles terror cells", "TEHRAN, Jan 21 (Xinhua) - " + TEHRAN_BODY)
    AgencyPreference.objects.create(agency=xinhua, rank=1)
    enrich_pending()
    assert list(secondary_copies()) == [a]
    assert b not in secondary_copies()
    # site lists show the preferred copy only; the agency's own page lists its copy too
    assert a not in listed() and b in listed()
    assert a in agency_stories(ians)
