"""Routing at ingest (the after-commit step ``route-new-stories``) and the dry run."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from wiredesk.enrich.models import StoryTag, Tag
from wiredesk.ingest.pipeline import Pipeline
from wiredesk.ingest.tests.factories import ninjs
from wiredesk.routing import services
from wiredesk.routing.models import RoutingRule
from wiredesk.routing.rules import Rule, StatusAction
from wiredesk.site.tests.factories import make_story
from wiredesk.stories import services as story_services
from wiredesk.stories.models import Agency, Section, Story, StoryEvent

pytestmark = pytest.mark.django_db


def _rule(name: str, position: int = 10, **fields: object) -> RoutingRule:
    return RoutingRule.objects.create(name=name, position=position, **fields)


def _rule_events(story: Story) -> list[tuple[str, str, str]]:
    return list(story.events.filter(actor__startswith="rule:").order_by("pk").values_list("action", "actor", "reason"))


def test_a_matching_new_story_lands_in_the_section(agency: Agency, weather: Section) -> None:
    _rule("storms", words_any="storm, gale", section=weather)
    story = make_story(agency, "urn:acme:1", headline="Storm closes the harbour")
    assert story.section == weather
    assert _rule_events(story) == [("section", "rule:storms", "")]
    event = story.events.get(action="section")
    assert event.before["section"] == "" and event.after["section"] == "weather"
    other = make_story(agency, "urn:acme:2", headline="Budget passes")
    assert other.section is None and _rule_events(other) == []


def test_a_matching_story_is_held_or_dropped(agency: Agency) -> None:
    _rule("hold-flashes", urgency_max=1, status_action="hold")
    _rule("no-football", 20, words_none="", words_any="football", status_action="drop")
    held = make_story(agency, "urn:acme:1", headline="Quake", urgency=1)
    assert held.status == Story.Status.HELD
    assert _rule_events(held) == [("hold", "rule:hold-flashes", "held by rule")]
    dropped = make_story(agency, "urn:acme:2", headline="Football results", urgency=3)
    assert dropped.status == Story.Status.KILLED
    assert _rule_events(dropped) == [("kill", "rule:no-football", "dropped by rule")]
    left = make_story(agency, "urn:acme:3", headline="Budget passes", urgency=3)
    assert left.status == Story.Status.PUBLISHED and _rule_events(left) == []


def test_rules_beat_ingest_defaults_but_never_publish_a_kill(agency: Agency, weather: Section) -> None:
    world = Section.objects.create(slug="world", name="World")
    _rule("storms", words_any="storm", section=weather, status_action="publish")
    story = make_story(agency, "urn:acme:1", headline="Storm", section=world, hold=True)
    assert story.section == weather and story.status == Story.Status.PUBLISHED
    killed = make_story(agency, "urn:acme:2", headline="Storm", pubStatus="canceled")
    assert killed.agency_killed and killed.is_killed
    assert not killed.events.filter(actor__startswith="rule:", action="publish").exists()


def test_an_update_of_a_known_story_is_never_routed(agency: Agency, weather: Section) -> None:
    story = make_story(agency, "urn:acme:1", headline="Calm seas")
    _rule("storms", words_any="storm", section=weather, status_action="hold")
    updated = make_story(agency, "urn:acme:1", headline="Storm closes the harbour", version="2")
    assert updated.current_version.headline == "Storm closes the harbour"
    assert updated.section is None and updated.status == Story.Status.PUBLISHED
    assert _rule_events(story) == []


def test_a_desk_decision_survives_later_versions(agency: Agency, weather: Section) -> None:
    _rule("storms", words_any="storm", status_action="hold")
    story = make_story(agency, "urn:acme:1", headline="Storm")
    story_services.publish(story, actor="edna")
    make_story(agency, "urn:acme:1", headline="Storm worsens", version="2")
    story.refresh_from_db()
    assert story.status == Story.Status.PUBLISHED
    assert list(story.events.order_by("pk").values_list("actor", flat=True)) == ["agency", "rule:storms", "edna",
                                                                                "agency"]  # fmt: skip


def test_stop_processing_and_order(agency: Agency, weather: Section) -> None:
    world = Section.objects.create(slug="world", name="World")
    _rule("weather-first", 10, words_any="storm", section=weather, stop_processing=True)
    _rule("everything-to-world", 20, section=world, status_action="hold")
    assert make_story(agency, "urn:acme:1", headline="Storm").section == weather
    second = make_story(agency, "urn:acme:2", headline="Budget")
    assert second.section == world and second.status == Story.Status.HELD


def test_disabled_rules_do_nothing(agency: Agency, weather: Section) -> None:
    _rule("off", section=weather, enabled=False)
    assert make_story(agency, "urn:acme:1").section is None


def test_rules_add_topic_tags_and_keep_them_through_enrichment(agency: Agency) -> None:
    _rule("storms", words_any="storm", add_tags="Severe weather, Storms")
    story = make_story(agency, "urn:acme:1", headline="Storm closes the harbour")
    names = set(StoryTag.objects.filter(story=story).values_list("tag__name", flat=True))
    assert names == {"Severe weather", "Storms"}
    assert set(Tag.objects.filter(name__in=names).values_list("kind", flat=True)) == {"topic"}
    event = story.events.get(action="tag")
    assert event.actor == "rule:storms" and event.after["tags"] == ["Severe weather", "Storms"]
    assert set(StoryTag.objects.filter(story=story).values_list("rule", flat=True)) == {"storms"}
    from wiredesk.enrich.services import enrich_pending

    StoryEvent.objects.filter(action="tag").update(reason="")  # the link says which rule, not the event's words
    enrich_pending()  # replaces the story's tags with what it finds, but never a rule's
    names = set(StoryTag.objects.filter(story=story).values_list("tag__name", flat=True))
    assert {"Severe weather", "Storms"} <= names


def test_agency_and_source_conditions(agency: Agency, weather: Section) -> None:
    from wiredesk.sources.models import Source

    other = Agency.objects.create(slug="ians", name="IANS")
    source = Source.objects.create(agency=agency, kind=Source.Kind.PUSH)
    by_agency = _rule("ians-only", section=weather)
    by_agency.agencies.add(other)
    assert make_story(agency, "urn:acme:1").section is None
    assert make_story(other, "urn:ians:1").section == weather
    by_agency.delete()
    by_source = _rule("pushed", status_action="hold")
    by_source.sources.add(source)
    assert make_story(agency, "urn:acme:2").status == Story.Status.PUBLISHED
    Pipeline(agency=agency).ingest(ninjs("urn:acme:3"), origin=f"push:{source.pk}")
    assert Story.objects.get(wire_id="urn:acme:3").status == Story.Status.HELD


def test_a_broken_rule_never_fails_ingest(agency: Agency, monkeypatch: pytest.MonkeyPatch) -> None:
    _rule("any", status_action="hold")

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("bad rule")

    monkeypatch.setattr(services, "_carry_out", boom)
    outcome = Pipeline(agency=agency).ingest(ninjs("urn:acme:1"), origin="1.json")
    assert [s.action.value for s in outcome.stories] == ["new"]
    assert Story.objects.get(wire_id="urn:acme:1").status == Story.Status.PUBLISHED


def _counts() -> tuple[int, ...]:
    return (
        Story.objects.count(),
        StoryEvent.objects.count(),
        StoryTag.objects.count(),
        Tag.objects.count(),
        Story.objects.filter(status="published").count(),
        Story.objects.filter(section__isnull=False).count(),
    )


def test_dry_run_reports_changes_and_writes_nothing(agency: Agency, weather: Section) -> None:
    storm = make_story(agency, "urn:acme:1", headline="Storm closes the harbour")
    make_story(agency, "urn:acme:2", headline="Budget passes")
    old = make_story(agency, "urn:acme:3", headline="Storm of last month")
    Story.objects.filter(pk=old.pk).update(created=timezone.now() - timedelta(days=30))
    draft = Rule("storms", words_any=("storm",), section="weather", status=StatusAction.HOLD, add_tags=("Storms",))
    before = _counts()
    changes = services.dry_run([draft], days=7)
    assert _counts() == before
    assert [(c.story_id, c.section_before, c.section_after, c.status_before, c.status_after, c.tags_added, c.rules)
            for c in changes] == [(storm.pk, "", "weather", "published", "held", ("Storms",), ("storms",))]  # fmt: skip
    assert len(services.dry_run([draft], days=60)) == 2
    # a story already in the state the rules want is not a change
    story_services.set_section(storm, weather, actor="edna")
    story_services.hold(storm, actor="edna")
    wanted = Rule("storms", words_any=("storm",), section="weather", status=StatusAction.HOLD)
    assert services.dry_run([wanted], 7) == []


def test_draft_rule_set_replaces_the_saved_rule(db: None) -> None:
    first = _rule("first", 10, words_any="a")
    _rule("second", 20)
    draft = Rule("first-edited")
    names = [r.name for r in services.draft_rule_set(draft, position=30, replaces=first.pk)]
    assert names == ["second", "first-edited"]
    assert [r.name for r in services.draft_rule_set(draft, position=5)] == ["first-edited", "first", "second"]


def test_move_rule(db: None) -> None:
    a, _b, c = _rule("a", 1), _rule("b", 1), _rule("c", 7)
    services.move_rule(c, up=True)
    assert list(RoutingRule.objects.values_list("name", flat=True)) == ["a", "c", "b"]
    services.move_rule(a, up=True)  # already first
    assert list(RoutingRule.objects.values_list("name", "position")) == [("a", 10), ("c", 20), ("b", 30)]


def test_place_conditions_work_before_enrichment_ran(agency: Agency, weather: Section) -> None:
    _rule("france", tags="France, Paris", section=weather)
    story = make_story(agency, "urn:acme:1", headline="Rain floods Paris streets",
                       body="<p>PARIS (Acme) - Heavy rain flooded the French capital on Monday.</p>")  # fmt: skip
    assert story.section == weather
    assert make_story(agency, "urn:acme:2", headline="Budget passes").section is None
