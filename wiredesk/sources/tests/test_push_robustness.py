"""Push and drop folders against large and hostile input (issue #11): JSON refusals, links not followed."""

from __future__ import annotations

import hashlib
import hmac
import zlib

import pytest
from django.urls import reverse

from wiredesk.ingest.tests.factories import nitf, rss
from wiredesk.ingest.tests.test_robustness import REPRODUCED
from wiredesk.sources import polling
from wiredesk.sources.models import Source
from wiredesk.stories.models import RawPayload, Story

pytestmark = pytest.mark.usefixtures("poll_settings")


@pytest.fixture
def push_source(make_source):  # type: ignore[no-untyped-def]
    source = make_source(kind=Source.Kind.PUSH)
    token = source.new_push_token()
    source.save()
    return reverse("sources:push", args=[source.pk]), {"Authorization": f"Bearer {token}"}


def test_a_push_past_djangos_form_limit_is_taken(client, push_source, settings) -> None:  # type: ignore[no-untyped-def]
    url, headers = push_source
    payload = nitf("BIG-1", body="<p>" + "word " * 600_000 + "</p>")
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE < len(payload) < settings.WIREDESK_MAX_PAYLOAD_BYTES
    response = client.post(url, payload, content_type="application/xml", headers=headers)
    assert response.status_code == 202 and Story.objects.get().wire_id == "BIG-1"


def test_a_push_over_the_limit_is_413_in_json(client, push_source, settings) -> None:  # type: ignore[no-untyped-def]
    url, headers = push_source
    payload = nitf("EDGE-1")
    settings.WIREDESK_MAX_PAYLOAD_BYTES = len(payload)
    response = client.post(url, payload + b" ", content_type="application/xml", headers=headers)
    assert response.status_code == 413 and str(len(payload)) in response.json()["error"]
    assert client.post(url, payload, content_type="application/xml", headers=headers).status_code == 202
    assert RawPayload.objects.count() == 1


def test_a_websub_delivery_over_the_limit_is_413_in_json(client, make_source, settings) -> None:  # type: ignore[no-untyped-def]
    source = make_source("https://example.org/feed", kind=Source.Kind.WEBSUB, websub_secret="hush")
    body = rss([("urn:acme:d", "Delivered")])
    settings.WIREDESK_MAX_PAYLOAD_BYTES = len(body) - 1
    signature = "sha256=" + hmac.new(b"hush", body, hashlib.sha256).hexdigest()
    response = client.post(reverse("sources:websub", args=[source.pk]), body, content_type="application/rss+xml",
                           headers={"X-Hub-Signature": signature})  # fmt: skip
    assert response.status_code == 413 and response.json()["error"]
    settings.WIREDESK_MAX_PAYLOAD_BYTES = len(body)
    unsigned = client.post(reverse("sources:websub", args=[source.pk]), body, content_type="application/rss+xml")
    assert unsigned.status_code == 403 and unsigned.json()["error"] == "Bad or missing X-Hub-Signature."


@pytest.mark.parametrize("name", sorted(REPRODUCED))
def test_hostile_pushes_get_a_json_answer(client, push_source, name: str) -> None:  # type: ignore[no-untyped-def]
    url, headers = push_source
    response = client.post(url, REPRODUCED[name], content_type="application/octet-stream", headers=headers)
    assert response.status_code in (202, 422) and response.json()["payload"]
    assert RawPayload.objects.filter(pk=response.json()["payload"]).exists()


@pytest.fixture
def drop(tmp_path, make_source):  # type: ignore[no-untyped-def]
    folder = tmp_path / "drop"
    folder.mkdir()
    return make_source(str(folder), kind=Source.Kind.FOLDER, interval=5), folder


def test_a_drop_folder_never_follows_a_link_out(drop, tmp_path) -> None:  # type: ignore[no-untyped-def]
    source, folder = drop
    outside = tmp_path / "outside"
    (outside / "sub").mkdir(parents=True)
    (outside / "secret.xml").write_bytes(nitf("SECRET-1"))
    (outside / "sub" / "secret.xml").write_bytes(nitf("SECRET-2"))
    (folder / "a.xml").write_bytes(nitf("ACME-1"))
    (folder / "link-out.xml").symlink_to(outside / "secret.xml")
    (folder / "linked-folder").symlink_to(outside / "sub", target_is_directory=True)
    run = polling.poll(source)
    assert set(Story.objects.values_list("wire_id", flat=True)) == {"ACME-1"}
    assert "link-out.xml: Refused: a symbolic link to a file outside the folder." in run.error
    moved = folder / "quarantine" / "link-out.xml"
    assert moved.is_symlink() and (outside / "secret.xml").exists()  # the link moved, its target untouched
    assert (folder / "quarantine" / "link-out.xml.reason.txt").read_text().startswith("Refused:")
    assert (outside / "sub" / "secret.xml").exists() and (folder / "linked-folder").is_symlink()
    assert not RawPayload.objects.filter(origin__contains="link-out").exists()  # no payload was read


def test_a_file_over_the_limit_in_a_drop_folder_is_archived_as_a_record(drop, settings) -> None:  # type: ignore[no-untyped-def]
    source, folder = drop
    settings.WIREDESK_MAX_PAYLOAD_BYTES = 1000
    big = nitf("ACME-BIG", body="<p>" + "x" * 5000 + "</p>")
    (folder / "big.xml").write_bytes(big)
    (folder / "ok.xml").write_bytes(nitf("ACME-2"))
    run = polling.poll(source)
    assert "big.xml: The file is" in run.error and (folder / "quarantine" / "big.xml").read_bytes() == big
    record = RawPayload.objects.get(origin=str(folder / "big.xml"))
    assert record.outcome == "quarantined" and record.size == len(big) and record.agency == source.agency
    assert zlib.decompress(bytes(record.content)) == big[:1000]
    assert Story.objects.get().wire_id == "ACME-2"
