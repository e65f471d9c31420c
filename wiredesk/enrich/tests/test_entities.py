"""People and organisations from the alias list and titles (no database)."""

from __future__ import annotations

from wiredesk.enrich.entities import PERSON, find_entities
from wiredesk.enrich.tests.corpus import TEHRAN_BODY, TEHRAN_UPDATE


def test_reference_story_entities() -> None:
    names = {(e.name, e.kind) for e in find_entities(TEHRAN_BODY + TEHRAN_UPDATE)}
    assert ("Islamic State", "organisation") in names
    assert ("Islamic Revolution Guards Corps", "organisation") in names
    assert ("Xinhua", "organisation") in names
    assert ("Qassem Soleimani", "person") in names


def test_short_aliases_need_context() -> None:
    assert find_entities("IS militants attacked.")[0].name == "Islamic State"
    assert find_entities("This IS a test.") == []
    assert find_entities("WHO said it would help")[0].name == "World Health Organization"


def test_people_after_a_title_unless_the_name_is_a_place() -> None:
    found = find_entities("Foreign Minister Ramesh Kumar Lal met Governor New Delhi officials.")
    assert [(e.name, e.kind, e.source) for e in found] == [("Ramesh Kumar Lal", PERSON, "title")]


def test_each_entity_once_in_order_of_mention() -> None:
    found = find_entities("Hamas and Hezbollah. Hamas again.")
    assert [e.name for e in found] == ["Hamas", "Hezbollah"]
