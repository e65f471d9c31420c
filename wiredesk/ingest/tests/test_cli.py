"""The ``wiredesk`` commands as a user runs them: ingest, story, export, agency, section."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from wiredesk.ingest.tests.factories import ninjs, nitf, rss
from wiredesk.stories.models import Agency, Story

pytestmark = pytest.mark.django_db
SCHEMA = Path(__file__).resolve().parents[3].parent / "shared/standards/ninjs/specification/ninjs-schema_3.1.json"


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def wire_folder(tmp_path: Path) -> Path:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.xml").write_bytes(nitf("ACME-1"))
    (tmp_path / "sub" / "b.json").write_bytes(ninjs("urn:acme:2", headline="Bridge opens"))
    (tmp_path / "sub" / "c.xml").write_bytes(rss([("g1", "Budget passes"), ("g2", "Storm warning")]))
    (tmp_path / ".hidden.xml").write_bytes(b"ignored")
    return tmp_path


def test_ingest_folder_twice_reports_unchanged(wire_folder: Path) -> None:
    run("agency", "add", "acme", "--name", "Acme Wire Service")
    first = run("ingest", "--agency", "acme", str(wire_folder)).splitlines()
    assert sorted(first) == sorted([
        "new ACME-1 River ferry service resumes after repairs",
        "new urn:acme:2 Bridge opens",
        "new g1 Budget passes",
        "new g2 Storm warning",
    ])  # fmt: skip
    count = Story.objects.count()
    second = run("ingest", "--agency", "acme", str(wire_folder)).splitlines()
    assert all(line.startswith("unchanged ") for line in second) and len(second) == 4
    assert Story.objects.count() == count


def test_quarantine_exits_nonzero_after_the_rest(tmp_path: Path) -> None:
    (tmp_path / "1-bad.xml").write_bytes(b"<nitf><broken")
    (tmp_path / "2-good.xml").write_bytes(nitf("ACME-9"))
    out = StringIO()
    with pytest.raises(CommandError) as info:
        call_command("ingest", str(tmp_path), stdout=out)
    assert info.value.returncode == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("quarantined ") and "1-bad.xml" in lines[0]
    assert lines[1].startswith("new ACME-9")


def test_ingest_unknown_agency_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="wiredesk agency add"):
        run("ingest", "--agency", "nope", str(tmp_path))


def test_missing_path_is_quarantined(tmp_path: Path) -> None:
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(tmp_path / "missing.xml"), stdout=out)
    assert "No such file" in out.getvalue()


def test_hold_and_section_options(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes(nitf("ACME-3"))
    run("section", "add", "world", "--name", "World")
    run("ingest", "--section", "world", "--hold", str(tmp_path))
    story = Story.objects.get()
    assert story.status == "held" and story.section.slug == "world"


def test_story_show_headline_kill(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes(nitf("ACME-4"))
    run("ingest", str(tmp_path))
    shown = run("story", "show", "ACME-4")
    assert "status     published" in shown and "new story" in shown
    run("story", "headline", "ACME-4", "Ferries run again")
    assert Story.objects.get().headline == "Ferries run again"
    assert "agency hl  River ferry" in run("story", "show", "ACME-4")
    run("story", "headline", "ACME-4", "--clear")
    assert Story.objects.get().headline_override == ""
    killed = run("story", "kill", "ACME-4", "--reason", "legal")
    assert "status     killed (not public)" in killed and "legal" in killed
    run("story", "restore", "ACME-4")
    assert Story.objects.public().count() == 1


def test_story_not_found() -> None:
    with pytest.raises(CommandError, match="No story"):
        run("story", "show", "NOPE")


def test_agency_add_keeps_unset_fields() -> None:
    run("agency", "add", "ians", "--name", "IANS", "--about", "Indian news agency.")
    run("agency", "add", "ians", "--name", "Indo-Asian News Service")
    agency = Agency.objects.get(slug="ians")
    assert (agency.name, agency.about) == ("Indo-Asian News Service", "Indian news agency.")


def _exported(tmp_path: Path, *extra: str) -> list[dict[str, object]]:
    (tmp_path / "a.xml").write_bytes(nitf("ACME-5", version=1))
    (tmp_path / "b.xml").write_bytes(nitf("ACME-5", version=2, headline="Ferry back", issued="20240122T120000Z"))
    (tmp_path / "c.xml").write_bytes(rss([("g1", "Budget passes")]))
    run("agency", "add", "acme", "--name", "Acme Wire Service")
    run("ingest", "--agency", "acme", str(tmp_path))
    run("story", "headline", "ACME-5", "Ferries run again")
    return [json.loads(line) for line in run("export", "--format", "ninjs", *extra).splitlines()]


def test_export_names_the_agency_and_the_desk_headline(tmp_path: Path) -> None:
    items = {i["altIds"][0]["value"]: i for i in _exported(tmp_path)}  # type: ignore[index]
    story = items["ACME-5"]
    assert {"role": "agency-slug", "value": "acme"} in story["altIds"]  # type: ignore[operator]
    assert story["headlines"][0] == {"role": "main", "value": "Ferries run again"}  # type: ignore[index]
    assert story["headlines"][1] == {"role": "agency", "value": "Ferry back"}  # type: ignore[index]
    assert story["pubStatus"] == "usable"


@pytest.mark.corpus
@pytest.mark.skipif(not SCHEMA.exists(), reason="../shared/standards (IPTC ninjs schema) is not beside the repo")
def test_export_is_valid_ninjs_3_1(tmp_path: Path) -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text())
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    items = _exported(tmp_path, "--all-versions")
    assert len(items) == 2
    for item in items:
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(item)]
        assert not errors, errors
    assert len(items[0]["associations"]) == 2  # type: ignore[arg-type]


def _state() -> list[tuple[str, str, str, int, str]]:
    return sorted(
        (s.agency.slug, s.wire_id, s.headline, s.versions.count(), s.status)
        for s in Story.objects.select_related("agency", "current_version")
    )


def test_reprocessing_the_archive_rebuilds_the_same_stories(tmp_path: Path) -> None:
    (tmp_path / "1.xml").write_bytes(nitf("ACME-7", version=1))
    (tmp_path / "2.xml").write_bytes(nitf("ACME-7", version=2, headline="Ferry back", issued="20240122T120000Z"))
    (tmp_path / "3.xml").write_bytes(nitf("ACME-8", status="canceled"))
    (tmp_path / "4.xml").write_bytes(rss([("g1", "Budget passes")], title="Some feed title"))
    run("agency", "add", "acme", "--name", "Acme Wire Service")
    run("ingest", "--agency", "acme", str(tmp_path))
    before = _state()
    Story.objects.all().delete()
    lines = run("ingest", "--archive", "all").splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["new", "updated", "killed", "new"]
    assert _state() == before  # same agency (the one given at the time), versions, status


def test_reprocessing_quarantined_payloads_only(tmp_path: Path) -> None:
    (tmp_path / "good.xml").write_bytes(nitf("ACME-9"))
    (tmp_path / "bad.xml").write_bytes(b"<nitf><broken")
    with pytest.raises(CommandError):
        run("ingest", str(tmp_path))
    out = StringIO()
    with pytest.raises(CommandError):  # still unreadable: still quarantined, still exit 1
        call_command("ingest", "--archive", "quarantined", stdout=out)
    lines = out.getvalue().splitlines()  # the good payload is not touched again
    assert len(lines) == 1 and lines[0].startswith("quarantined ") and "bad.xml" in lines[0]


def test_ingest_needs_targets_or_archive() -> None:
    with pytest.raises(CommandError, match="--archive"):
        run("ingest")
