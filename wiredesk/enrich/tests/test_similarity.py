"""MinHash/LSH candidates and the exact check (no database)."""

from __future__ import annotations

from wiredesk.enrich.similarity import band_keys, choose_primary, is_same_story, resemblance, shingles
from wiredesk.enrich.tests.corpus import CORPUS, TEHRAN_BODY, TEHRAN_UPDATE

# Another agency's copy: same facts, a new first sentence, some words changed.
XINHUA_COPY = (
    "TEHRAN, Jan 21 (Xinhua) - Iranian authorities said on Sunday they had dismantled terror cells. "
    + TEHRAN_BODY.split(". ", 1)[1].replace("Xinhua news agency reported", "officials said")
)


def test_same_story_from_two_agencies_is_a_candidate_and_passes_the_check() -> None:
    a, b = shingles(TEHRAN_BODY + TEHRAN_UPDATE), shingles(XINHUA_COPY)
    assert set(band_keys(a)) & set(band_keys(b))
    assert is_same_story(a, b)


def test_different_stories_are_not_the_same() -> None:
    sets = [shingles(s.body) for s in CORPUS]
    for i, a in enumerate(sets):
        for b in sets[i + 1 :]:
            assert not is_same_story(a, b)


def test_band_keys_are_stable_and_empty_for_empty_text() -> None:
    assert band_keys(shingles("one two three four")) == band_keys(shingles("One, two; three four!"))
    assert band_keys(set()) == []
    assert resemblance(set(), {"a"}) == (0.0, 0.0)


def test_choose_primary_by_preferred_agency_then_earliest() -> None:
    copies = [(1, "ians", 10.0), (2, "pti", 20.0), (3, "xinhua", 5.0)]
    assert choose_primary(copies, ["pti", "ians"]) == 2
    assert choose_primary(copies, []) == 3
