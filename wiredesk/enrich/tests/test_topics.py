"""Media Topics from agency codes and keyword rules (no database)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wiredesk.enrich.topics import Vocabulary, classify, map_codes, parse_vocabulary, topics_for

DATA = Path(__file__).resolve().parents[1] / "data" / "mediatopics-upper.json"


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.of(parse_vocabulary(json.loads(DATA.read_text())))


def test_shipped_vocabulary_has_the_upper_levels(vocab: Vocabulary) -> None:
    top = [c for c in vocab.concepts.values() if not c.broader]
    assert len(top) == 17
    assert vocab.concepts["medtop:20000053"].label == "act of terror"
    assert vocab.concepts["medtop:20000053"].broader == "medtop:16000000"


def test_subject_codes_map_to_media_topics(vocab: Vocabulary) -> None:
    found = map_codes(["subj:15000000", "iptc:16000000", "medtop:20000082", "subj:99999999", "other:1"], vocab)
    assert [m.qcode for m in found] == ["medtop:15000000", "medtop:16000000", "medtop:20000082"]
    assert found[0].reason == "code"


def test_a_detailed_subject_code_falls_back_to_its_parent(vocab: Vocabulary) -> None:
    assert [m.qcode for m in map_codes(["subj:15999999"], vocab)] == ["medtop:15000000"]


def test_uncoded_stories_are_classified_by_rules(vocab: Vocabulary) -> None:
    found = {m.qcode: m for m in classify("Two suicide attackers carried out the blasts; missiles were fired.", vocab)}
    assert "medtop:20000053" in found and found["medtop:20000053"].reason == "rule"
    assert "medtop:20000056" in found
    assert classify("A quiet day at the harbour.", vocab) == []


def test_codes_win_over_rules(vocab: Vocabulary) -> None:
    assert [m.qcode for m in topics_for(["subj:15000000"], "a crime story", vocab)] == ["medtop:15000000"]
    assert [m.qcode for m in topics_for([], "a crime story", vocab)] == ["medtop:20000082"]


def test_rules_for_concepts_missing_from_the_vocabulary_are_skipped() -> None:
    assert classify("a crime story", Vocabulary()) == []
