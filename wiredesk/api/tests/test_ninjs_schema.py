"""Every ninjs object the API sends validates against IPTC's ninjs 3.1 schema.

The schema lives in ``../shared/standards/ninjs`` beside the checkout and is not copied
into this repository; the test skips when that folder is absent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from wiredesk.api.tests.conftest import CallerFactory, Wire
from wiredesk.ingest.pipeline import Pipeline
from wiredesk.ingest.tests.factories import ninjs, nitf
from wiredesk.stories import services

SCHEMA = Path(__file__).resolve().parents[3].parent / "shared" / "standards" / "ninjs" / "specification"
SCHEMA_FILE = SCHEMA / "ninjs-schema_3.1.json"
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not SCHEMA_FILE.is_file(), reason="../shared/standards/ninjs is not beside the checkout"),
]


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def assert_valid(validator: Draft202012Validator, item: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(item), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_every_object_the_api_sends_is_valid_ninjs_3_1(
    wire: Wire,
    acme,
    as_caller: CallerFactory,
    validator: Draft202012Validator,  # type: ignore[no-untyped-def]
) -> None:
    pipeline = Pipeline(agency=acme)
    pipeline.ingest(nitf("ACME-1", headline="Harbour reopens", version=2, issued="20240122T120000Z", correction=True))
    topic = {"uri": "http://cv.iptc.org/newscodes/mediatopic/04000000", "name": "economy"}
    summary = {"role": "summary", "value": "A summary."}
    pipeline.ingest(
        ninjs("urn:acme:rich", headline="Rich item", language="en", urgency=3, descriptions=[summary], subjects=[topic])
    )
    services.set_headline(wire.held, "Desk headline", actor="eddie")
    editor = as_caller("editor")
    items = editor.get("/api/stories/?status=all&limit=100").json()["items"]
    assert {i["pubStatus"] for i in items} == {"usable", "withheld", "canceled"}
    assert len(items) == 5
    for item in items:
        assert_valid(validator, item)
        pk = next(a["value"] for a in item["altIds"] if a["role"] == "id")
        assert_valid(validator, editor.get(f"/api/stories/{pk}/?all_versions=1").json())
        for version in editor.get(f"/api/stories/{pk}/versions/").json()["items"]:
            assert_valid(validator, version)
    for item in as_caller("anonymous").get("/api/stories/").json()["items"]:
        assert_valid(validator, item)
