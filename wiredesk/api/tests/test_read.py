"""GET /api/stories/, /api/stories/<id>/ and /versions/: who sees what, filters, paging."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from wiredesk.api.tests.conftest import CallerFactory, Wire, bearer
from wiredesk.api.tokens import find_token, revoke_token
from wiredesk.ingest.pipeline import Pipeline
from wiredesk.ingest.tests.factories import nitf
from wiredesk.stories import services
from wiredesk.stories.models import Story

pytestmark = pytest.mark.django_db


def ids(response) -> list[int]:  # type: ignore[no-untyped-def]
    return [int(next(a["value"] for a in item["altIds"] if a["role"] == "id")) for item in response.json()["items"]]


def test_readers_see_public_stories_only(wire: Wire, client: Client) -> None:
    response = client.get("/api/stories/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert ids(response) == [wire.public.pk]
    assert response.json()["next"] is None
    assert ids(client.get("/api/stories/?status=published")) == [wire.public.pk]


def test_editors_list_any_status(wire: Wire, as_caller: CallerFactory) -> None:
    editor = as_caller("editor")
    assert ids(editor.get("/api/stories/")) == [wire.public.pk]
    assert ids(editor.get("/api/stories/?status=held")) == [wire.held.pk]
    assert ids(editor.get("/api/stories/?status=killed")) == [wire.killed.pk]
    assert set(ids(editor.get("/api/stories/?status=published"))) == {wire.public.pk, wire.embargoed.pk}
    assert len(ids(editor.get("/api/stories/?status=all"))) == 4


def test_desk_statuses_need_the_editor_role(wire: Wire, as_caller: CallerFactory) -> None:
    anonymous = as_caller("anonymous").get("/api/stories/?status=held")
    assert anonymous.status_code == 401
    assert anonymous.json()["error"]["code"] == "authentication_required"
    assert anonymous["WWW-Authenticate"].startswith("Bearer")
    assert as_caller("reader").get("/api/stories/?status=killed").json()["error"]["code"] == "forbidden"


def test_filters(wire: Wire, as_caller: CallerFactory) -> None:
    editor = as_caller("editor")
    assert ids(editor.get("/api/stories/?status=all&section=world")) == [wire.public.pk]
    assert ids(editor.get("/api/stories/?status=all&agency=nobody")) == []
    assert ids(editor.get("/api/stories/?status=all&q=harbour+STORM")) == [wire.public.pk]
    assert ids(editor.get("/api/stories/?status=all&q=harbour+minister")) == []
    services.set_headline(wire.held, "Cabinet reshuffle", actor="eddie")
    assert ids(editor.get("/api/stories/?status=all&q=reshuffle")) == [wire.held.pk]
    since = (Story.objects.get(pk=wire.held.pk).last_modified - timedelta(microseconds=1)).isoformat()
    assert ids(editor.get("/api/stories/", {"status": "all", "since": since})) == [wire.held.pk]
    assert ids(editor.get("/api/stories/?status=all&since=2999-01-01")) == []


@pytest.mark.parametrize(
    "query",
    ["status=draft", "limit=0", "limit=101", "limit=x", "since=yesterday", "after=nonsense", "after=1_0",
     "all_versions=maybe", "q=a%00b"],
)  # fmt: skip
def test_bad_parameters_are_400(wire: Wire, client: Client, query: str) -> None:
    url = f"/api/stories/{wire.public.pk}/" if query.startswith("all_versions") else "/api/stories/"
    response = client.get(f"{url}?{query}")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_parameter"


def test_keyset_pages_walk_every_story_once(acme, as_caller: CallerFactory) -> None:  # type: ignore[no-untyped-def]
    pipeline = Pipeline(agency=acme)
    for n in range(7):
        pipeline.ingest(nitf(f"P-{n}", headline=f"Story {n}"), origin=f"p{n}")
    # equal last_modified times must still page correctly: the id breaks ties
    Story.objects.update(last_modified=timezone.now())
    editor = as_caller("editor")
    seen: list[int] = []
    url: str | None = "/api/stories/?status=all&limit=3"
    pages = 0
    while url:
        body = editor.get(url).json()
        seen += [int(a["value"]) for item in body["items"] for a in item["altIds"] if a["role"] == "id"]
        url = body["next"]
        pages += 1
        if url:
            assert url.startswith("http://testserver/api/stories/?") and "status=all" in url and "limit=3" in url
    assert pages == 3
    assert seen == sorted(Story.objects.values_list("pk", flat=True), reverse=True)


def test_one_story(wire: Wire, client: Client, as_caller: CallerFactory) -> None:
    body = client.get(f"/api/stories/{wire.public.pk}/").json()
    assert body["uri"] == "urn:wiredesk:story:acme:ACME-1"
    assert body["headlines"][0]["value"] == "Harbour reopens after storm"
    assert "associations" not in body
    with_versions = client.get(f"/api/stories/{wire.public.pk}/?all_versions=1").json()
    assert [a["rel"] for a in with_versions["associations"]] == ["version"]
    assert client.get(f"/api/stories/{wire.held.pk}/").status_code == 404
    assert client.get(f"/api/stories/{wire.embargoed.pk}/").status_code == 404
    assert client.get(f"/api/stories/{wire.killed.pk}/").json()["error"]["code"] == "gone"
    assert client.get("/api/stories/999999/").json()["error"]["code"] == "not_found"
    assert client.get("/api/stories/99999999999999999999999/").status_code == 404
    editor = as_caller("editor")
    assert editor.get(f"/api/stories/{wire.held.pk}/").json()["pubStatus"] == "withheld"
    assert editor.get(f"/api/stories/{wire.killed.pk}/").json()["pubStatus"] == "canceled"


def test_versions(wire: Wire, acme, client: Client, as_caller: CallerFactory) -> None:  # type: ignore[no-untyped-def]
    Pipeline(agency=acme).ingest(nitf("ACME-1", headline="Harbour reopens", version=2, issued="20240122T120000Z"))
    body = client.get(f"/api/stories/{wire.public.pk}/versions/").json()
    assert [v["headlines"][0]["value"] for v in body["items"]] == ["Harbour reopens after storm", "Harbour reopens"]
    assert [v["uri"] for v in body["items"]] == [f"urn:wiredesk:story:acme:ACME-1:v{n}" for n in (1, 2)]
    assert client.get(f"/api/stories/{wire.killed.pk}/versions/").status_code == 410
    assert client.get(f"/api/stories/{wire.held.pk}/versions/").status_code == 404
    assert len(as_caller("editor").get(f"/api/stories/{wire.killed.pk}/versions/").json()["items"]) == 1


def test_a_token_that_does_not_work_is_401_even_for_public_reads(wire: Wire, editor) -> None:  # type: ignore[no-untyped-def]
    headers = bearer(editor)
    assert Client(**headers).get("/api/stories/").status_code == 200
    key = headers["HTTP_AUTHORIZATION"].split()[1]
    token = find_token(key)
    assert token is not None
    revoke_token(token)
    for auth in (headers["HTTP_AUTHORIZATION"], "Bearer wd_nope", "Basic eddie:pw", "Bearer"):
        response = Client(HTTP_AUTHORIZATION=auth).get("/api/stories/")
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "invalid_token"


def test_session_login_reads_desk_data(wire: Wire, editor) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(editor)
    assert client.get(f"/api/stories/{wire.held.pk}/").status_code == 200


def test_unknown_urls_and_methods_answer_json(client: Client) -> None:
    missing = client.get("/api/nothing/here")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    wrong = client.delete("/api/stories/")
    assert wrong.status_code == 405
    assert wrong["Allow"] == "GET, HEAD"
    assert wrong.json()["error"]["code"] == "method_not_allowed"
    assert client.head("/api/stories/").status_code == 200
