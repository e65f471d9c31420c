from __future__ import annotations

from collections.abc import Iterator

import pytest

from wiredesk.enrich.services import clear_caches


@pytest.fixture(autouse=True)
def _fresh_enrichment_caches() -> Iterator[None]:
    """Each test has its own database rows: cached tag ids and settings must not leak."""
    clear_caches()
    yield
    clear_caches()
