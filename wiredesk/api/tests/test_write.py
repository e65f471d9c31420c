"""POST /api/ingest/ and the desk actions: through the pipeline and the services, with the caller as actor."""

from __future__ import annotations

import json

import pytest
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client

from wiredesk.api.tests.conftest import CallerFactory, Wire, bearer
from wiredesk.ingest.tests.factories import ninjs, nitf, rss
from wiredesk.stories.models import Agency, RawPayload, Story, StoryEvent

pytestmark = pytest.mark.django_db


def push(client: Client, payload: bytes, query: str = "", content_type: str = "application/xml"):  # type: ignore[no-untyped-def]
    return client.post(f"/api/ingest/{query}", payload, content_type=content_type)


def test_push_goes_through_the_pipeline(acme: Agency, as_caller: CallerFactory) -> None:
    editor = as_caller("editor")
    first = push(editor, nitf("PUSH-1", headline="Ferry resumes"), "?agency=acme&section=world&hold=1")
    assert first.status_code == 404  # no section 'world' here
    assert first.json()["error"]["code"] == "unknown_section"
    response = push(editor, nitf("PUSH-1", headline="Ferry resumes"), "?agency=acme&hold=1")
    assert response.status_code == 200
    body = response.json()
    assert body["format"] == "nitf"
    assert body["origin"] == "api:eddie (editor token)"
    (story,) = body["stories"]
    assert story["action"] == "new" and story["agency_id"] == "PUSH-1" and story["agency"] == "acme"
    assert Story.objects.get(pk=story["story_id"]).status == "held"
    again = push(editor, nitf("PUSH-1", headline="Ferry resumes"), "?agency=acme")
    assert again.json()["stories"][0]["action"] == "unchanged"
    assert RawPayload.objects.count() == 1


def test_push_json_and_feeds_with_skipped_items(as_caller: CallerFactory) -> None:
    editor = as_caller("editor")
    assert push(editor, ninjs("urn:acme:9"), content_type="application/json").json()["stories"][0]["action"] == "new"
    feed = push(editor, rss([("g1", "One"), ("g2", "")])).json()
    assert [s["agency_id"] for s in feed["stories"]] == ["g1"]
    assert len(feed["skipped"]) == 1 and feed["skipped"][0]["position"] == 2


def test_an_unreadable_payload_is_quarantined_with_422(as_caller: CallerFactory) -> None:
    response = push(as_caller("editor"), b"<html><body>not a wire</body></html>")
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "unreadable_payload"
    payload = RawPayload.objects.get(pk=error["payload_id"])
    assert payload.outcome == "quarantined" and payload.error == error["message"]


def test_push_limits(settings, as_caller: CallerFactory) -> None:  # type: ignore[no-untyped-def]
    settings.WIREDESK_MAX_PAYLOAD_BYTES = 100
    editor = as_caller("editor")
    response = push(editor, nitf("BIG-1"))
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    assert push(editor, b"  ").json()["error"]["code"] == "invalid_body"
    assert push(editor, nitf("X"), "?agency=nobody").json()["error"]["code"] == "unknown_agency"
    assert not RawPayload.objects.exists()


def test_a_source_token_pushes_for_its_agency_only(acme: Agency, editor) -> None:  # type: ignore[no-untyped-def]
    Agency.objects.create(slug="other", name="Other")
    client = Client(**bearer(editor, "acme push", agency=acme))
    body = push(client, ninjs("urn:x:1")).json()
    assert body["stories"][0]["agency"] == "acme"
    assert push(client, ninjs("urn:x:2"), "?agency=other").json()["error"]["code"] == "token_scope"
    story = Story.objects.get()
    response = client.post(f"/api/stories/{story.pk}/kill")
    assert response.status_code == 403 and response.json()["error"]["code"] == "token_scope"
    assert client.get("/api/stories/").status_code == 403


@pytest.mark.parametrize(
    ("story", "verb", "status", "event"),
    [
        ("public", "hold", "held", "hold"),
        ("public", "kill", "killed", "kill"),
        ("held", "publish", "published", "publish"),
        ("killed", "restore", "published", "publish"),
    ],
)
def test_status_actions(wire: Wire, as_caller: CallerFactory, story: str, verb: str, status: str, event: str) -> None:
    target = getattr(wire, story)
    response = as_caller("editor").post(
        f"/api/stories/{target.pk}/{verb}", {"reason": "desk call"}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["pubStatus"] == {"published": "usable", "held": "withheld", "killed": "canceled"}[status]
    assert Story.objects.get(pk=target.pk).status == status
    last = StoryEvent.objects.filter(story=target).last()
    assert last is not None and (last.action, last.actor) == (event, "eddie")
    assert last.reason == "desk call"


def test_an_action_without_a_body_is_fine(wire: Wire, as_caller: CallerFactory) -> None:
    assert as_caller("admin").post(f"/api/stories/{wire.public.pk}/hold").status_code == 200
    assert StoryEvent.objects.filter(story=wire.public).last().actor == "ada"  # type: ignore[union-attr]


def test_headline_override_and_clear(wire: Wire, as_caller: CallerFactory) -> None:
    editor = as_caller("editor")
    url = f"/api/stories/{wire.public.pk}/headline"
    body = editor.post(url, {"headline": "  Port open   again "}, content_type="application/json").json()
    assert body["headlines"] == [
        {"role": "main", "value": "Port open again"},
        {"role": "agency", "value": "Harbour reopens after storm"},
    ]
    cleared = editor.post(url, {"headline": ""}, content_type="application/json").json()
    assert cleared["headlines"] == [{"role": "main", "value": "Harbour reopens after storm"}]
    assert [e.action for e in StoryEvent.objects.filter(story=wire.public)][-2:] == ["headline", "headline-cleared"]
    assert editor.post(url, {}, content_type="application/json").json()["error"]["code"] == "invalid_body"
    assert editor.post(url, {"headline": 5}, content_type="application/json").status_code == 400
    assert editor.post(url, {"headline": "x" * 501}, content_type="application/json").status_code == 400


def test_section(wire: Wire, world, as_caller: CallerFactory) -> None:  # type: ignore[no-untyped-def]
    editor = as_caller("editor")
    url = f"/api/stories/{wire.held.pk}/section"
    assert editor.post(url, {"section": "world"}, content_type="application/json").status_code == 200
    assert Story.objects.get(pk=wire.held.pk).section == world
    assert editor.post(url, {"section": None}, content_type="application/json").status_code == 200
    assert Story.objects.get(pk=wire.held.pk).section is None
    assert StoryEvent.objects.filter(story=wire.held, action="section", actor="eddie").count() == 2
    assert editor.post(url, {"section": "sport"}, content_type="application/json").json()["error"]["code"] == (
        "unknown_section"
    )
    assert editor.post(url, {"section": ""}, content_type="application/json").status_code == 400
    assert editor.post(url, {}, content_type="application/json").status_code == 400


@pytest.mark.parametrize(
    ("body", "code"),
    [(b"{not json", "invalid_json"), (b"[1, 2]", "invalid_body"), (json.dumps({"reason": 3}).encode(), "invalid_body"),
     (json.dumps({"reason": "a\u0000b"}).encode(), "invalid_body")],
)  # fmt: skip
def test_bad_bodies_are_400(wire: Wire, as_caller: CallerFactory, body: bytes, code: str) -> None:
    response = as_caller("editor").post(f"/api/stories/{wire.public.pk}/kill", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code
    assert Story.objects.get(pk=wire.public.pk).status == "published"


def test_actions_on_unknown_stories_and_wrong_methods(as_caller: CallerFactory) -> None:
    editor = as_caller("editor")
    assert editor.post("/api/stories/4242/publish").json()["error"]["code"] == "not_found"
    wrong = editor.get("/api/stories/4242/publish")
    assert wrong.status_code == 405 and wrong["Allow"] == "POST"


def test_session_writes_need_csrf(wire: Wire, editor) -> None:  # type: ignore[no-untyped-def]
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    url = f"/api/stories/{wire.public.pk}/hold"
    refused = client.post(url)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "csrf_failed"
    token = _get_new_csrf_string()
    client.cookies["csrftoken"] = token
    assert client.post(url, HTTP_X_CSRFTOKEN=token).status_code == 200
    # a token request carries no ambient credential: no CSRF token needed
    assert (
        Client(enforce_csrf_checks=True, **bearer(editor)).post(f"/api/stories/{wire.held.pk}/publish").status_code
        == 200
    )
