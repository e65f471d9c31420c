"""``POST /api/ingest/`` with large and hostile payloads: JSON answers, never a server error (issue #11)."""

from __future__ import annotations

import pytest

from wiredesk.api.tests.conftest import CallerFactory
from wiredesk.ingest.tests.factories import ninjs, nitf
from wiredesk.ingest.tests.test_robustness import REPRODUCED
from wiredesk.stories.models import RawPayload, Story

pytestmark = pytest.mark.django_db


def test_a_payload_past_djangos_form_limit_is_taken(as_caller: CallerFactory, settings) -> None:  # type: ignore[no-untyped-def]
    """Django refuses form bodies over DATA_UPLOAD_MAX_MEMORY_SIZE; a wire payload is no form."""
    payload = nitf("BIG-1", body="<p>" + "word " * 600_000 + "</p>")
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE < len(payload) < settings.WIREDESK_MAX_PAYLOAD_BYTES
    response = as_caller("editor").post("/api/ingest/", payload, content_type="application/xml")
    assert response.status_code == 200 and response.json()["stories"][0]["agency_id"] == "BIG-1"


def test_over_the_limit_is_413_in_json_and_the_limit_itself_is_taken(as_caller: CallerFactory, settings) -> None:  # type: ignore[no-untyped-def]
    payload = nitf("EDGE-1")
    settings.WIREDESK_MAX_PAYLOAD_BYTES = len(payload)
    editor = as_caller("editor")
    assert editor.post("/api/ingest/", payload, content_type="application/xml").status_code == 200
    response = editor.post("/api/ingest/", payload + b" ", content_type="application/xml")
    assert response.status_code == 413 and response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == "payload_too_large"
    assert str(len(payload)) in response.json()["error"]["message"]


@pytest.mark.parametrize("name", sorted(REPRODUCED))
def test_hostile_payloads_get_a_json_answer(as_caller: CallerFactory, name: str) -> None:
    response = as_caller("editor").post("/api/ingest/", REPRODUCED[name], content_type="application/octet-stream")
    assert response.status_code in (200, 422) and response["Content-Type"] == "application/json"
    body = response.json()
    payload_id = body["payload_id"] if response.status_code == 200 else body["error"]["payload_id"]
    assert RawPayload.objects.filter(pk=payload_id).exists()
    if response.status_code == 422:
        assert body["error"]["code"] == "unreadable_payload" and body["error"]["message"]
    else:
        assert Story.objects.filter(pk=body["stories"][0]["story_id"]).exists()


def test_a_nul_in_a_payload_is_stored_cleaned(as_caller: CallerFactory) -> None:
    response = as_caller("editor").post("/api/ingest/", ninjs("urn:acme:nul", headline="Nul\u0000here"),
                                        content_type="application/json")  # fmt: skip
    assert response.status_code == 200
    assert Story.objects.get().current_version.headline == "Nul\ufffdhere"
