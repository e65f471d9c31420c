"""Place finding and the gazetteer gate (no database)."""

from __future__ import annotations

import pytest

from wiredesk.enrich.places import dateline_text, find_places, primary_country, resolve_dateline
from wiredesk.enrich.regions import DEFAULT_SECTIONS, region_of, section_slug_for
from wiredesk.enrich.tests.corpus import TEHRAN_BODY


@pytest.mark.parametrize(
    ("dateline", "located", "body", "expected"),
    [
        ("", "", "Tehran: Iran has identified …", "Tehran"),
        ("", "", "TEHRAN, Jan 21 (IANS) - Iran said …", "TEHRAN"),
        ("", "", "NEW DELHI, 21 January (PTI) - The …", "NEW DELHI"),
        ("", "", "GUWAHATI (PTI) - Floods …", "GUWAHATI"),
        ("TEHRAN, Jan 21 (IANS)", "", "", "TEHRAN"),
        ("Tehran:", "", "", "Tehran"),
        ("", "Kerman", "", "Kerman"),
        ("", "", "Iran has identified more than 10 cells.", ""),
    ],
)
def test_dateline_text(dateline: str, located: str, body: str, expected: str) -> None:
    assert dateline_text(dateline, located, body) == expected


def test_resolve_dateline_takes_any_city_in_capitals_too() -> None:
    place = resolve_dateline("TEHRAN")
    assert place is not None and (place.name, place.country, place.source) == ("Tehran", "IR", "dateline")
    assert resolve_dateline("Nowhereville") is None


def test_places_in_the_reference_story() -> None:
    found = {(p.name, p.country): p for p in find_places(TEHRAN_BODY)}
    assert {("Iran", "IR"), ("Kerman", "IR"), ("Iraq", "IQ"), ("United States", "US")} <= set(found)
    assert found[("Iran", "IR")].mentions >= 2  # "Iran" and "Iranian"


def test_ordinary_capitalised_words_are_not_towns() -> None:
    text = "Mobile sales rose on Sunday. Nice weather, said Hope. Police in Bath. Split decisions. Reading is fun."
    assert find_places(text) == []


def test_small_towns_need_a_place_cue() -> None:
    assert [p.name for p in find_places("Officials said Dibrugarh was flooded.")] == []
    assert [p.name for p in find_places("The river rose at Dibrugarh on Monday.")] == ["Dibrugarh"]


def test_an_alternate_name_of_a_small_town_is_not_taken() -> None:
    assert find_places("according to Dawn, the paper") == []


def test_primary_country_prefers_the_dateline_then_the_most_named() -> None:
    places = find_places("Iraq said. Syria said. Syria and Syria again.")
    assert primary_country(None, places) == "SY"
    assert primary_country(resolve_dateline("Tehran"), places) == "IR"
    assert primary_country(None, []) is None


@pytest.mark.parametrize(
    ("country", "continent", "region"),
    [
        ("IR", "AS", "middle-east"),
        ("EG", "AF", "middle-east"),
        ("TR", "AS", "europe"),
        ("IN", "AS", "south-asia"),
        ("FR", "EU", "europe"),
        ("KE", "AF", "africa"),
        ("BR", "SA", "americas"),
        ("XX", None, None),
    ],
)
def test_region_of(country: str, continent: str | None, region: str | None) -> None:
    assert region_of(country, continent) == region


def test_section_slug_country_key_wins_over_region() -> None:
    mapping = {**DEFAULT_SECTIONS, "IN": "india"}
    assert section_slug_for("IR", "middle-east", mapping) == "middle-east"
    assert section_slug_for("IN", "south-asia", mapping) == "india"
    assert section_slug_for(None, None, mapping) is None
