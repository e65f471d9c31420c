"""The pure rule logic: no database."""

from __future__ import annotations

import pytest

from wiredesk.routing.rules import Rule, StatusAction, StoryFacts, Where, matches, route, split_list

STORY = StoryFacts(
    agency="acme",
    origin="https://wire.example/feed.xml",
    urgency=2,
    language="en-GB",
    headline="Storm closes the harbour",
    body="Ships wait outside the port of Dover. The award ceremony is postponed.",
    subjects=frozenset({"medtop:20000137", "04000000"}),
    tags=frozenset({"dover", "united kingdom", "weather"}),
)


def test_split_list_takes_lines_and_commas() -> None:
    assert split_list("storm, flood\n  gale \n\n,") == ("storm", "flood", "gale")


def test_an_empty_rule_matches_everything() -> None:
    assert matches(Rule("all"), STORY)
    assert matches(Rule("all"), StoryFacts(agency="x"))


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (Rule("any", words_any=("flood", "storm")), True),
        (Rule("any-none", words_any=("flood", "quake")), False),
        (Rule("all", words_all=("storm", "dover")), True),
        (Rule("all-missing", words_all=("storm", "calais")), False),
        (Rule("none", words_none=("football",)), True),
        (Rule("none-hit", words_none=("harbour",)), False),
        (Rule("whole-words", words_any=("war",)), False),  # "award" is not "war"
        (Rule("phrase", words_any=("port of dover",)), True),
        (Rule("case", words_any=("STORM",)), True),
        (Rule("headline-only", words_any=("dover",), where=Where.HEADLINE), False),
        (Rule("body-only", words_any=("storm",), where=Where.BODY), False),
        (Rule("body-only-hit", words_any=("ships",), where=Where.BODY), True),
    ],
)
def test_words(rule: Rule, expected: bool) -> None:
    assert matches(rule, STORY) is expected


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (Rule("u", urgency_max=2), True),
        (Rule("u", urgency_max=1), False),
        (Rule("lang", languages=("en",)), True),
        (Rule("lang", languages=("fr", "en-gb")), True),
        (Rule("lang", languages=("fr",)), False),
        (Rule("agency", agencies=frozenset({"acme", "ians"})), True),
        (Rule("agency", agencies=frozenset({"ians"})), False),
        (Rule("source", origins=("https://wire.example/feed.xml",)), True),
        (Rule("source", origins=("https://wire.example/other",)), False),
        (Rule("subject", subjects=("medtop:20000137",)), True),
        (Rule("broader", subjects=("04000000",)), True),
        (Rule("broader-code", subjects=("04000000",)), True),
        (Rule("subject", subjects=("medtop:15000000",)), False),
        (Rule("tag", tags=("Dover", "Calais")), True),
        (Rule("tag", tags=("Calais",)), False),
    ],
)
def test_conditions(rule: Rule, expected: bool) -> None:
    assert matches(rule, STORY) is expected


def test_story_without_urgency_fails_an_urgency_condition() -> None:
    assert not matches(Rule("u", urgency_max=5), StoryFacts(agency="acme"))


def test_broad_subject_codes_match_narrower_ones() -> None:
    story = StoryFacts(agency="a", subjects=frozenset({"15054000"}))
    assert matches(Rule("sport", subjects=("15000000",)), story)
    assert not matches(Rule("politics", subjects=("11000000",)), story)


def test_all_conditions_must_hold() -> None:
    assert not matches(Rule("both", words_any=("storm",), agencies=frozenset({"ians"})), STORY)


def test_rules_run_in_order_later_ones_win_tags_add_up() -> None:
    rules = [
        Rule("weather", words_any=("storm",), section="weather", status=StatusAction.HOLD, add_tags=("Storms",)),
        Rule("uk", tags=("united kingdom",), section="uk", add_tags=("UK", "storms")),
        Rule("other", words_any=("nothing-here",), status=StatusAction.DROP),
    ]
    routing = route(rules, STORY)
    assert routing.section == "uk" and routing.section_rule == "uk"
    assert routing.status == StatusAction.HOLD and routing.status_rule == "weather"
    assert routing.tags == (("Storms", "weather"), ("UK", "uk"))
    assert routing.matched == ("weather", "uk")


def test_stop_processing_ends_the_run() -> None:
    rules = [
        Rule("first", words_any=("storm",), status=StatusAction.PUBLISH, stop=True),
        Rule("second", status=StatusAction.DROP),
    ]
    routing = route(rules, STORY)
    assert routing.status == StatusAction.PUBLISH and routing.matched == ("first",)
    # a rule that does not match does not stop anything
    rules[0] = Rule("first", words_any=("quake",), stop=True)
    assert route(rules, STORY).status == StatusAction.DROP


def test_no_match_routes_nothing() -> None:
    routing = route([Rule("x", agencies=frozenset({"ians"}), section="world")], STORY)
    assert routing.empty and routing.matched == ()
