"""One receiver for the three URLs a payload is pushed to: the same limits and answers at each.

``POST /api/ingest/`` (API token), ``POST /sources/<id>/push/`` (push token) and WebSub
deliveries (signature) each check their caller their own way and answer in their own JSON;
reading the body, its limit, the empty body, the pipeline and the quarantine are
``sources.receive`` for all three.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from wiredesk.api.tokens import create_token
from wiredesk.ingest.pipeline import Pipeline
from wiredesk.ingest.tests.factories import nitf
from wiredesk.sources.models import Source, SourceRun
from wiredesk.sources.receive import PushRefused, read_payload, receive
from wiredesk.stories.models import RawPayload, Story

pytestmark = pytest.mark.usefixtures("poll_settings")


@dataclass
class Door:
    """One push URL: how to post a body through it, and what its success looks like."""

    name: str
    post: Callable[[Client, bytes], HttpResponse]
    ok: int
    logs_runs: bool

    def error(self, response: HttpResponse) -> str:
        error: Any = response.json()["error"]  # type: ignore[attr-defined]
        return str(error["message"] if self.name == "api" else error)


@pytest.fixture(params=["api", "push", "websub"])
def door(request, make_source) -> Door:  # type: ignore[no-untyped-def]
    if request.param == "api":
        editor = User.objects.create_user("eddie")
        Group.objects.get_or_create(name="editor")[0].user_set.add(editor)
        _, key = create_token(editor, "wire")

        def api(client: Client, body: bytes) -> HttpResponse:
            return client.post("/api/ingest/?agency=acme", body, content_type="application/xml",
                               headers={"Authorization": f"Bearer {key}"})  # fmt: skip

        return Door("api", api, 200, False)
    if request.param == "push":
        source = make_source(kind=Source.Kind.PUSH)
        token = source.new_push_token()
        source.save()
        url = reverse("sources:push", args=[source.pk])
        return Door("push", lambda client, body: client.post(url, body, content_type="application/xml",
                    headers={"Authorization": f"Bearer {token}"}), 202, True)  # fmt: skip
    source = make_source("https://example.org/feed", kind=Source.Kind.WEBSUB, websub_secret="hush")
    url = reverse("sources:websub", args=[source.pk])

    def signed(client: Client, body: bytes) -> HttpResponse:
        signature = "sha256=" + hmac.new(b"hush", body, hashlib.sha256).hexdigest()
        return client.post(url, body, content_type="application/xml", headers={"X-Hub-Signature": signature})

    return Door("websub", signed, 202, True)


def test_a_payload_is_stored_through_the_pipeline(client: Client, door: Door) -> None:
    response = door.post(client, nitf("PUSH-1", headline="Ferry resumes"))
    assert response.status_code == door.ok, response.content
    story = Story.objects.get()
    assert (story.wire_id, story.agency.slug) == ("PUSH-1", "acme")
    assert SourceRun.objects.filter(outcome="changed", new_items=1).count() == (1 if door.logs_runs else 0)


def test_over_the_limit_is_413_with_one_message_and_nothing_archived(client: Client, door: Door, settings) -> None:  # type: ignore[no-untyped-def]
    payload = nitf("EDGE-1")
    settings.WIREDESK_MAX_PAYLOAD_BYTES = len(payload)
    response = door.post(client, payload + b" ")
    assert response.status_code == 413 and response["Content-Type"] == "application/json"
    limit = len(payload)
    assert door.error(response) == f"The payload is over the limit of {limit} bytes (WIREDESK_MAX_PAYLOAD_BYTES)."
    assert not RawPayload.objects.exists() and not SourceRun.objects.exists()
    assert door.post(client, payload).status_code == door.ok  # the limit itself is taken


@pytest.mark.parametrize("body", [b"", b" \r\n\t "])
def test_an_empty_body_is_400_and_not_archived(client: Client, door: Door, body: bytes) -> None:
    response = door.post(client, body)
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    assert door.error(response) == "The body is empty: send the wire payload as it is (XML or JSON)."
    assert not RawPayload.objects.exists() and not SourceRun.objects.exists()


def test_an_unreadable_payload_is_archived_quarantined_and_422(client: Client, door: Door) -> None:
    response = door.post(client, b"<html><body>not a wire</body></html>")
    assert response.status_code == 422
    payload = RawPayload.objects.get()
    assert payload.outcome == "quarantined" and door.error(response) == payload.error
    assert SourceRun.objects.filter(outcome="failed").count() == (1 if door.logs_runs else 0)


def test_a_websub_signature_is_checked_before_the_body_is_judged(client: Client, make_source) -> None:  # type: ignore[no-untyped-def]
    source = make_source("https://example.org/feed", kind=Source.Kind.WEBSUB, websub_secret="hush")
    unsigned = client.post(reverse("sources:websub", args=[source.pk]), b"", content_type="application/xml")
    assert unsigned.status_code == 403 and unsigned.json() == {"error": "Bad or missing X-Hub-Signature."}


class CountingStream:
    """A request body stream that counts what is read from it."""

    def __init__(self, data: bytes) -> None:
        self.data, self.taken = data, 0

    def read(self, size: int = -1) -> bytes:
        size = len(self.data) - self.taken if size is None or size < 0 else size
        chunk = self.data[self.taken : self.taken + size]
        self.taken += len(chunk)
        return chunk

    def readline(self, size: int = -1) -> bytes:
        return self.read(size)


def _request(stream: CountingStream, length: str) -> Any:
    return RequestFactory().generic("POST", "/", content_type="application/xml",
                                    **{"wsgi.input": stream, "CONTENT_LENGTH": length})  # fmt: skip


def test_a_declared_length_over_the_limit_is_refused_before_reading(db, settings) -> None:  # type: ignore[no-untyped-def]
    settings.WIREDESK_MAX_PAYLOAD_BYTES = 100
    stream = CountingStream(b"x" * 10_000)
    with pytest.raises(PushRefused) as refused:
        read_payload(_request(stream, "10000"))
    assert (refused.value.status, refused.value.code, stream.taken) == (413, "payload_too_large", 0)
    settings.WIREDESK_MAX_PAYLOAD_BYTES = 100_000
    stream = CountingStream(nitf("ACME-1"))
    outcome = receive(_request(stream, str(len(stream.data))), Pipeline(), origin="test")
    assert outcome.stories[0].agency_id == "ACME-1" and stream.taken == len(stream.data)
