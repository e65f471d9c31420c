"""Update timeline text from word diffs (no database)."""

from __future__ import annotations

from datetime import UTC, datetime

from wiredesk.enrich.tests.corpus import TEHRAN_BODY, TEHRAN_UPDATE
from wiredesk.enrich.timeline import VersionText, build_timeline, describe_change

T1, T2, T3 = (datetime(2024, 1, 22, h, 8, tzinfo=UTC) for h in (3, 5, 6))


def test_added_paragraph_is_described() -> None:
    line = describe_change(VersionText("H", TEHRAN_BODY, T1), VersionText("H", TEHRAN_BODY + TEHRAN_UPDATE, T2))
    assert line.startswith("Added the Islamic Revolution Guards Corps said early Tuesday")


def test_revision_removal_headline_and_correction() -> None:
    old = VersionText("Old", "One sentence here. Another one follows. A third.", T1)
    new = VersionText("New", "One sentence here now. Another one follows.", T2, is_correction=True)
    assert describe_change(old, new) == "Correction: Revised a sentence; removed a sentence; new headline “New”"
    assert describe_change(old, VersionText("Old", "One sentence here. Another one follows.", T2)) == (
        "Removed a sentence"
    )


def test_timeline_is_ordered_and_skips_unchanged_versions() -> None:
    v1 = VersionText("H", TEHRAN_BODY, T1)
    v2 = VersionText("H", TEHRAN_BODY, T2)
    v3 = VersionText("H", TEHRAN_BODY + TEHRAN_UPDATE, T3)
    entries = build_timeline([v3, v1, v2])
    assert [e.when for e in entries] == [T3]
