"""The older wires (issue #15): their characters, and their versions, corrections and kills
followed through the real pipeline like every other format's."""

from __future__ import annotations

from pathlib import Path

import pytest

from wiredesk.ingest.exceptions import ParseError
from wiredesk.ingest.formats import _wire_text
from wiredesk.ingest.pipeline import Pipeline
from wiredesk.ingest.types import Action
from wiredesk.stories.models import Agency, Story

DATA = Path(__file__).parent / "data"
POLISH = "Prom stał się pływającą biblioteką, powiedział rzecznik. Książki źle znoszą wilgoć."
RUSSIAN = "Паром стал плавучей библиотекой, сообщили в городском совете."
GREEK = "Το πλοίο έγινε πλωτή βιβλιοθήκη, είπε το δημοτικό συμβούλιο."


@pytest.mark.parametrize(
    ("text", "charset"),
    [
        ("Fähre wird zur schwimmenden Bücherei, sagte der Stadtrat.", "cp1252"),
        (POLISH, "cp1250"),
        (POLISH, "iso-8859-2"),
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8-r"),
        (GREEK, "cp1253"),
    ],
)
def test_8_bit_text_is_read_in_its_own_set(text: str, charset: str) -> None:
    decoded, used = _wire_text.decode_wire(text.encode(charset))
    assert decoded == text
    # ISO 8859-2 and Windows-1250 agree on these letters but "ą ś ź", which tell them apart
    assert used == charset


def test_utf8_and_iso_2022_designation() -> None:
    assert _wire_text.decode_wire(RUSSIAN.encode("utf-8")) == (RUSSIAN, "utf-8")
    # ESC - L: the upper half is ISO 8859-5 (Cyrillic), whatever a guess would say
    data = b"\x1b-L" + RUSSIAN.encode("iso-8859-5")
    assert _wire_text.decode_wire(data) == (RUSSIAN, "iso-8859-5")


def test_binary_is_unreadable() -> None:
    with pytest.raises(ParseError, match="NUL"):
        _wire_text.decode_wire(b"\x01abc\x00def")
    with pytest.raises(ParseError, match="cannot be read as text"):
        _wire_text.decode_wire(bytes(range(0x05, 0x08)) * 50 + b"some words")


@pytest.fixture
def acme(db: None) -> Agency:
    return Agency.objects.create(slug="acme", name="Acme")


def ingest(acme: Agency, *names: str) -> list[Action]:
    pipeline = Pipeline(agency=acme)
    return [s.action for name in names for s in pipeline.ingest((DATA / name).read_bytes(), origin=name).stories]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("first", "correction", "kill", "wire_id"),
    [
        ("acme-anpa1312-minimal.tst", "acme-anpa1312-correction.tst", "acme-anpa1312-kill.tst",
         "BC-Library-Boat/2024-01-24"),
        ("acme-newsml1-minimal.xml", "acme-newsml1-correction.xml", "acme-newsml1-canceled.xml",
         "urn:newsml:acme.example:20240117:LIBBOAT"),
    ],
)  # fmt: skip
def test_versions_corrections_and_kills(acme: Agency, first: str, correction: str, kill: str, wire_id: str) -> None:
    assert ingest(acme, first, correction) == [Action.NEW, Action.UPDATED]
    story = Story.objects.get(agency=acme, wire_id=wire_id)
    assert story.versions.count() == 2
    assert story.current_version is not None and story.current_version.is_correction
    assert ingest(acme, kill) == [Action.KILLED]
    story.refresh_from_db()
    assert story.agency_killed and story.is_killed
    assert ingest(acme, first, correction, kill) == [Action.UNCHANGED] * 3


@pytest.mark.django_db
def test_iptc7901_correction_and_kill_reach_the_story_by_its_id(acme: Agency) -> None:
    assert ingest(acme, "acme-iptc7901-correction.txt", "acme-iptc7901-kill.txt") == [Action.NEW, Action.KILLED]
    story = Story.objects.get(wire_id="ACME:240117-99-00041")
    assert story.agency_killed and story.versions.count() == 2
