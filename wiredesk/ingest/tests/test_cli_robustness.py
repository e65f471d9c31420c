"""``wiredesk ingest`` and ``export`` against hostile input: file names, links, sizes, a closed pipe (issue #11)."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.management import CommandError, call_command

from wiredesk.ingest.tests.factories import nitf
from wiredesk.stories.models import RawPayload, Story

pytestmark = pytest.mark.django_db


def ingest(*targets: str) -> tuple[list[str], int]:
    """The lines ``wiredesk ingest TARGETS`` prints and its exit status."""
    out = StringIO()
    try:
        call_command("ingest", *targets, stdout=out)
    except CommandError as exc:
        return out.getvalue().splitlines(), exc.returncode
    return out.getvalue().splitlines(), 0


def test_a_file_name_cannot_forge_a_summary_line(tmp_path: Path) -> None:
    (tmp_path / "x\nnew FAKE headline").write_bytes(b"<nitf><broken")
    (tmp_path / "y\rupdated FAKE\u2028killed FAKE.xml").write_bytes(b"<nitf><broken")
    (tmp_path / "z.xml").write_bytes(nitf("ACME-9"))
    lines, status = ingest(str(tmp_path))
    assert status == 1 and len(lines) == 3
    assert lines[0].startswith(f"quarantined {tmp_path}/x\\nnew FAKE headline ")
    assert lines[1].startswith(f"quarantined {tmp_path}/y\\rupdated FAKE\\u2028killed FAKE.xml ")
    assert lines[2] == "new ACME-9 River ferry service resumes after repairs"
    assert not [line for line in lines if "FAKE" in line and not line.startswith("quarantined ")]


def test_an_undecodable_file_name_is_archived_and_shown_as_its_byte(tmp_path: Path) -> None:
    with open(os.path.join(os.fsencode(tmp_path), b"bad-\xff.xml"), "wb") as file:
        file.write(b"<nitf><broken")
    lines, status = ingest(str(tmp_path))
    assert status == 1 and lines[0].startswith(f"quarantined {tmp_path}/bad-\\xff.xml ")
    assert RawPayload.objects.get().origin == f"{tmp_path}/bad-\\xff.xml"


def test_a_file_over_the_limit_is_archived_as_a_record(tmp_path: Path, settings: object) -> None:
    settings.WIREDESK_MAX_PAYLOAD_BYTES = 1000  # type: ignore[attr-defined]
    big = nitf("ACME-BIG", body="<p>" + "x" * 5000 + "</p>")
    (tmp_path / "1-big.xml").write_bytes(big)
    (tmp_path / "2-ok.xml").write_bytes(nitf("ACME-2"))
    lines, status = ingest(str(tmp_path))
    assert status == 1  # after the others were processed
    assert lines[0].startswith(f"quarantined {tmp_path}/1-big.xml The file is {len(big)} byte")
    assert lines[1].startswith("new ACME-2 ")
    record = RawPayload.objects.get(origin=f"{tmp_path}/1-big.xml")
    assert record.outcome == "quarantined" and record.size == len(big) and record.error in lines[0]
    assert zlib.decompress(bytes(record.content)) == big[:1000]
    ingest(str(tmp_path))
    assert RawPayload.objects.filter(origin=f"{tmp_path}/1-big.xml").count() == 1  # seen twice, one record


def test_an_unreadable_file_is_archived_as_a_record() -> None:
    # /proc/self/mem is a regular file that exists but cannot be read from its start (EIO),
    # for root too, where a file without read permission would still be read.
    lines, status = ingest("/proc/self/mem")
    assert status == 1 and lines == ["quarantined /proc/self/mem Cannot read the file: Input/output error."]
    record = RawPayload.objects.get()
    assert (record.origin, record.outcome, record.size) == ("/proc/self/mem", "quarantined", 0)
    assert record.error == "Cannot read the file: Input/output error."


def test_a_folder_is_never_left_through_a_link(tmp_path: Path) -> None:
    outside, folder = tmp_path / "outside", tmp_path / "drop"
    outside.mkdir()
    folder.mkdir()
    (outside / "secret.xml").write_bytes(nitf("SECRET-1"))
    (outside / "sub").mkdir()
    (outside / "sub" / "secret.xml").write_bytes(nitf("SECRET-2"))
    (folder / "a.xml").write_bytes(nitf("ACME-1"))
    (folder / "link-out.xml").symlink_to(outside / "secret.xml")
    (folder / "link-in.xml").symlink_to(folder / "a.xml")
    (folder / "linked-folder").symlink_to(outside / "sub", target_is_directory=True)
    lines, status = ingest(str(folder))
    assert status == 1
    assert lines == [
        "new ACME-1 River ferry service resumes after repairs",
        "unchanged ACME-1 River ferry service resumes after repairs",  # the link inside: the same file
        f"quarantined {folder}/link-out.xml Refused: a symbolic link to a file outside the folder.",
    ]
    assert set(Story.objects.values_list("wire_id", flat=True)) == {"ACME-1"}
    lines, _ = ingest(str(folder / "link-out.xml"))  # named on its own, a link is the user's choice
    assert lines[0].startswith("new SECRET-1 ")


SECOND_DB = "wd_robust_export"


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A ``wiredesk`` of its own (fresh SQLite, or a PostgreSQL database next to the suite's) with stories in it."""
    home = tmp_path_factory.mktemp("home")
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["WIREDESK_HOME"] = str(home)
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        parts = urlsplit(url)
        with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{SECOND_DB}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{SECOND_DB}"')
        env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{SECOND_DB}"))
    else:
        env.pop("DATABASE_URL", None)
    wire = home / "wire"
    wire.mkdir()
    for i in range(40):
        # 40 stories of 10 kB: more than a pipe holds, so the export is still writing when its reader goes
        (wire / f"{i:02}.xml").write_bytes(nitf(f"ACME-{i}", body="<p>" + "word " * 2000 + "</p>"))
    for args in (["migrate", "-v0"], ["ingest", str(wire)]):
        done = subprocess.run([sys.executable, "-m", "wiredesk", *args], env=env, capture_output=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
    yield env


def test_export_into_a_closed_pipe_exits_quietly(cli_env: dict[str, str]) -> None:
    """``wiredesk export | head -1``: the reader goes away; no traceback, no second error at exit."""
    export = subprocess.Popen([sys.executable, "-m", "wiredesk", "export"], env=cli_env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    assert export.stdout is not None and export.stderr is not None
    first = export.stdout.readline()
    export.stdout.close()  # as head does after its line
    stderr = export.stderr.read()
    assert export.wait(timeout=120) == 1
    assert first.startswith(b'{"') and stderr == b""


def test_export_whole_still_exits_zero(cli_env: dict[str, str]) -> None:
    done = subprocess.run([sys.executable, "-m", "wiredesk", "export"], env=cli_env, capture_output=True, timeout=120)
    assert done.returncode == 0 and done.stderr == b"" and len(done.stdout.splitlines()) == 40


@pytest.mark.parametrize("args", [["story", "show", "ACME-1"], ["export", "--format", "ninjs"]])
def test_any_command_whose_reader_is_gone_exits_quietly(cli_env: dict[str, str], args: list[str]) -> None:
    """The reader closes before the command writes anything (``… | true``): exit 1, nothing on stderr."""
    command = subprocess.Popen([sys.executable, "-m", "wiredesk", *args], env=cli_env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    assert command.stdout is not None and command.stderr is not None
    command.stdout.close()
    stderr = command.stderr.read()
    assert command.wait(timeout=120) == 1
    assert stderr == b""
