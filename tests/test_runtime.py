"""``wiredesk.runtime.settle``: start-up objects frozen once, later garbage still collected."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

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
