"""The data migrations of #11, run over rows written the way the code before them wrote them."""

from __future__ import annotations

import importlib
from datetime import UTC, datetime, timedelta

import pytest
from django.apps import apps

from wiredesk.ingest.pipeline import Pipeline
from wiredesk.ingest.tests.factories import ninjs, nitf
from wiredesk.stories.models import Agency, Story

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 1, 22, 12, 0, tzinfo=UTC)


def migration(name: str) -> object:
    return importlib.import_module(f"wiredesk.stories.migrations.{name}")


def test_stories_listed_by_ingest_time_get_the_agency_time() -> None:
    acme = Agency.objects.create(slug="acme", name="Acme")
    filed = RECEIVED - timedelta(hours=5)
    Pipeline(agency=acme, clock=lambda: RECEIVED).ingest(ninjs("urn:a", firstCreated=filed.isoformat()))
    Pipeline(agency=acme, hold=True, clock=lambda: RECEIVED).ingest(ninjs("urn:held"))
    Pipeline(agency=acme, clock=lambda: RECEIVED).ingest(ninjs("urn:future", versionCreated="2030-01-01T00:00:00Z"))
    Story.objects.filter(wire_id__in=["urn:a", "urn:future"]).update(first_published=RECEIVED)  # as before #11
    migration("0004_first_published_agency_time").agency_times(apps, None)  # type: ignore[attr-defined]
    published = dict(Story.objects.values_list("wire_id", "first_published"))
    assert published == {"urn:a": filed, "urn:held": None, "urn:future": RECEIVED}


def test_stories_the_agency_killed_are_marked_as_agency_kills() -> None:
    acme = Agency.objects.create(slug="acme", name="Acme")
    Pipeline(agency=acme).ingest(nitf("ACME-1"))
    Pipeline(agency=acme).ingest(nitf("ACME-1", version=2, status="canceled", issued="20240122T120000Z"))
    Pipeline(agency=acme).ingest(nitf("ACME-2"))
    Story.objects.update(agency_killed=False)  # as before #11
    migration("0003_licence_contract").mark_agency_kills(apps, None)  # type: ignore[attr-defined]
    assert dict(Story.objects.values_list("wire_id", "agency_killed")) == {"ACME-1": True, "ACME-2": False}
