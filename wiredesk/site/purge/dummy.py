"""A purge backend that only remembers what it was asked: for tests."""

from __future__ import annotations

from typing import Any

from wiredesk.site.purge.base import PurgeBackend


class DummyBackend(PurgeBackend):
    """Records every purged URL in the class-level ``purged`` list (shared by instances)."""

    purged: list[str] = []

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)

    def purge(self, urls: list[str]) -> None:
        DummyBackend.purged.extend(urls)
