"""``wiredesk.runtime.settle``: start-up objects frozen once, later garbage still collected."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from wiredesk import runtime


@pytest.fixture
def unsettled(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(runtime, "_settled", False)
    gc.unfreeze()
    yield
    gc.unfreeze()  # the rest of the test session keeps a normal collector


def test_settle_freezes_what_is_alive_once(unsettled: None) -> None:
    assert gc.get_freeze_count() == 0
    runtime.settle()
    frozen = gc.get_freeze_count()
    assert frozen > 1000  # Django's apps, models and settings at least
    gc.unfreeze()
    runtime.settle()  # a second call in the same process does nothing
    assert gc.get_freeze_count() == 0


def test_garbage_made_after_settling_is_still_collected(unsettled: None) -> None:
    runtime.settle()

    class Node:
        def __init__(self) -> None:
            self.me = self

    Node()  # a reference cycle: only the cyclic collector frees it
    assert gc.collect() >= 1
    assert gc.isenabled()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("command", [["ingest", "story.xml"], ["poll", "--once"], ["worker", "--burst"]])
def test_bulk_and_long_running_commands_settle_first(
    command: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from wiredesk.ingest.tests.factories import nitf

    calls: list[bool] = []
    monkeypatch.setattr(runtime, "settle", lambda: calls.append(True))
    (tmp_path / "story.xml").write_bytes(nitf())
    monkeypatch.chdir(tmp_path)
    call_command(*command, stdout=StringIO())
    assert calls == [True]
