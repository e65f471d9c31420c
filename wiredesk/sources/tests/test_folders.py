"""Drop folders: complete files only, one by one, processed/ or quarantine/ with the reason."""

from __future__ import annotations

import os
import time

import pytest

from wiredesk.ingest.tests.factories import nitf, rss
from wiredesk.sources import polling
from wiredesk.sources.models import Source
from wiredesk.stories.models import Story

pytestmark = pytest.mark.usefixtures("poll_settings")


@pytest.fixture
def drop(tmp_path, make_source):  # type: ignore[no-untyped-def]
    return make_source(str(tmp_path), kind=Source.Kind.FOLDER, interval=5), tmp_path


def test_files_are_processed_or_quarantined_one_by_one(drop) -> None:
    source, folder = drop
    (folder / "a.xml").write_bytes(rss([("urn:acme:a", "First")]))
    (folder / "b.xml").write_bytes(b"<not a wire format")
    (folder / "sub").mkdir()
    (folder / "sub" / "c.xml").write_bytes(nitf("acme-c", headline="Third"))
    run = polling.poll(source)
    assert run.outcome == "changed" and run.new_items == 2
    assert sorted(Story.objects.values_list("wire_id", flat=True)) == ["acme-c", "urn:acme:a"]
    assert (folder / "processed" / "a.xml").exists() and (folder / "processed" / "sub" / "c.xml").exists()
    assert (folder / "quarantine" / "b.xml").exists()
    reason = (folder / "quarantine" / "b.xml.reason.txt").read_text()
    assert reason.strip() and "b.xml" in run.error
    source.refresh_from_db()
    assert "1 file(s) quarantined" in source.last_error
    assert not (folder / "a.xml").exists() and not (folder / "b.xml").exists()
    # A second pass finds nothing to do: processed/ and quarantine/ are never rescanned.
    assert polling.poll(source).outcome == "unchanged"


def test_partial_files_wait_until_complete(drop, settings) -> None:
    settings.WIREDESK_DROP_SETTLE_SECONDS = 3600.0
    source, folder = drop
    (folder / "late.xml.tmp").write_bytes(rss([("urn:acme:t", "Renamed when complete")]))
    (folder / ".hidden.xml").write_bytes(rss([("urn:acme:h", "Hidden")]))
    growing = folder / "growing.xml"
    growing.write_bytes(rss([("urn:acme:g", "Growing")])[:40])
    assert polling.poll(source).items == 0  # first look: remembered, not taken
    growing.write_bytes(rss([("urn:acme:g", "Growing")]))
    os.utime(growing, ns=(time.time_ns(), time.time_ns() + 1_000_000))
    assert polling.poll(source).items == 0  # changed since the last look
    assert growing.exists()
    run = polling.poll(source)  # unchanged across two looks: complete
    assert run.new_items == 1 and not growing.exists()
    (folder / "late.xml.tmp").rename(folder / "late.xml")
    polling.poll(source)
    polling.poll(source)
    assert set(Story.objects.values_list("wire_id", flat=True)) == {"urn:acme:g", "urn:acme:t"}
    assert (folder / ".hidden.xml").exists()


def test_same_name_dropped_twice_keeps_both(drop) -> None:
    source, folder = drop
    for headline in ("One", "Two"):
        (folder / "same.xml").write_bytes(rss([("urn:acme:s", headline)]))
        polling.poll(source)
    assert len(list((folder / "processed").iterdir())) == 2


def test_missing_folder_is_an_error_in_words(make_source, tmp_path) -> None:
    source = make_source(str(tmp_path / "gone"), kind=Source.Kind.FOLDER)
    run = polling.poll(source)
    assert run.outcome == "failed" and "does not exist" in run.error
