"""Whom the agency cites, and the provenance line (no database)."""

from __future__ import annotations

import pytest

from wiredesk.enrich.attribution import Citation, find_citations, provenance_line
from wiredesk.enrich.tests.corpus import TEHRAN_BODY


def test_reference_story_citations() -> None:
    found = find_citations(TEHRAN_BODY)
    assert Citation("Xinhua", True) in found
    assert Citation("Deputy Interior Minister for Security Affairs Majid Mir-Ahmadi", False) in found
    assert provenance_line("IANS", found) == "IANS, citing Xinhua"


@pytest.mark.parametrize(
    ("text", "media"),
    [
        ("Five died, the official IRNA news agency said.", "IRNA"),
        ("According to Reuters, the talks failed.", "Reuters"),
        ("The talks failed, AFP reported.", "AFP"),
        ("The plan was approved, the Lanka News Agency reported.", "Lanka News Agency"),
        ("The Saudi Press Agency reported the visit.", "SPA"),
    ],
)
def test_media_citations(text: str, media: str) -> None:
    assert [c.name for c in find_citations(text) if c.media] == [media]


def test_provenance_line_lists_media_once_and_never_the_agency_itself() -> None:
    cites = [Citation("Xinhua", True), Citation("IANS", True), Citation("TASS", True), Citation("a minister", False)]
    assert provenance_line("IANS", cites) == "IANS, citing Xinhua and TASS"
    assert provenance_line("PTI", []) == "PTI"


def test_pronouns_are_not_sources() -> None:
    assert find_citations("He said it was fine. They said so.") == []
