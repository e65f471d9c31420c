"""Tags routing rules add: kept by enrichment because the link names the rule (issue #12)."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from wiredesk.enrich.models import StoryTag, Tag
from wiredesk.enrich.services import add_rule_tags, enrich_story, topic_tag
from wiredesk.enrich.tests.corpus import TEHRAN_BODY
from wiredesk.enrich.tests.factories import agency, story
from wiredesk.stories.models import StoryEvent

pytestmark = pytest.mark.django_db
HEADLINE = "Iran busts over 10 terrorist cells after Kerman twin blasts"


def _links(s: object) -> dict[str, tuple[str, str]]:
    return {name: (source, rule) for name, source, rule in
            StoryTag.objects.filter(story=s).values_list("tag__name", "source", "rule")}  # fmt: skip


def test_a_rule_tags_a_story_and_says_so_once() -> None:
    s = story(agency("ians"), "IANS-1", HEADLINE, TEHRAN_BODY)
    assert add_rule_tags(s, ["Security", "security", "Iran watch"], rule="iran") == ["Security", "Iran watch"]
    assert _links(s) == {"Security": ("routing", "iran"), "Iran watch": ("routing", "iran")}
    (event,) = StoryEvent.objects.filter(story=s, action="tag")
    assert (event.actor, event.reason, event.before, event.after) == (
        "rule:iran", "Security, Iran watch", {"tags": []}, {"tags": ["Iran watch", "Security"]}
    )
    assert add_rule_tags(s, ["Security"], rule="iran") == []  # nothing new: no second event
    assert StoryEvent.objects.filter(story=s, action="tag").count() == 1


def test_a_rule_claims_a_tag_enrichment_found_so_enrichment_keeps_it() -> None:
    s = story(agency("ians"), "IANS-1", HEADLINE, TEHRAN_BODY)
    enrich_story(s)
    links = StoryTag.objects.filter(story=s).select_related("tag").order_by("pk")
    claimed, other = links.filter(tag__kind=Tag.Kind.TOPIC)[0], links.filter(tag__kind=Tag.Kind.PLACE)[0]
    assert claimed.rule == other.rule == ""
    assert add_rule_tags(s, [claimed.tag.name], rule="iran-desk") == []  # already on it: no event
    assert not StoryEvent.objects.filter(story=s, action="tag").exists()
    claimed.refresh_from_db()
    assert claimed.rule == "iran-desk"
    assert s.current_version is not None
    s.current_version.headline, s.current_version.body_html = "Markets", "<p>Shares rose.</p>"  # finds neither
    enrich_story(s)
    assert StoryTag.objects.filter(pk=claimed.pk, rule="iran-desk").exists()
    assert not StoryTag.objects.filter(pk=other.pk).exists()


def test_enrichment_replaces_its_own_tags_only() -> None:
    s = story(agency("ians"), "IANS-1", HEADLINE, TEHRAN_BODY)
    add_rule_tags(s, ["Desk pick"], rule="picks")
    mine = StoryTag.objects.create(story=s, tag=topic_tag("Stale finding"), source="text")
    enrich_story(s)
    assert not StoryTag.objects.filter(pk=mine.pk).exists()
    assert StoryTag.objects.filter(story=s, tag__name="Desk pick", rule="picks").exists()
    assert "Tehran" in _links(s)


def test_topic_tag_reuses_a_name_and_finds_a_free_slug() -> None:
    first = topic_tag("Storms")
    assert topic_tag("storms") == first
    Tag.objects.create(kind=Tag.Kind.TOPIC, slug="floods", name="Floods (old)")
    assert topic_tag("Floods").slug == "floods-2"


def test_the_migration_names_the_rule_of_stored_rule_tags() -> None:
    s = story(agency("ians"), "IANS-1", HEADLINE, TEHRAN_BODY)
    StoryTag.objects.create(story=s, tag=topic_tag("Storms"), source="routing", evidence="rule:storms")
    StoryTag.objects.create(story=s, tag=topic_tag("Tehran"), source="dateline", evidence="Tehran")
    migration = importlib.import_module("wiredesk.enrich.migrations.0003_storytag_rule")
    migration.name_the_rules(apps, None)
    assert {name: rule for name, (_, rule) in _links(s).items()} == {"Storms": "storms", "Tehran": ""}
