from __future__ import annotations

from collections.abc import Iterator

import pytest

from wiredesk.routing.services import enabled_rules
from wiredesk.stories.models import Agency, Section


@pytest.fixture(autouse=True)
def fresh_rules() -> Iterator[None]:
    # The rule cache is per process; test databases roll back without signals.
    enabled_rules.clear()
    yield
    enabled_rules.clear()


@pytest.fixture
def agency(db: None) -> Agency:
    return Agency.objects.create(slug="acme", name="Acme Wire Service")


@pytest.fixture
def weather(db: None) -> Section:
    return Section.objects.create(slug="weather", name="Weather")
