"""The authorization matrix: every API action × anonymous / no-role user / editor / admin.

Readers (anonymous, or logged in without a desk role) read public stories; a desk status, a
held story or a killed one is desk data (401 anonymous, 403 without the role, or 404/410
where the story itself is hidden or gone); every write needs the editor or admin role.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from wiredesk.api.tests.conftest import CallerFactory, Wire
from wiredesk.ingest.tests.factories import nitf

CALLERS = ("anonymous", "reader", "editor", "admin")
READ = {"anonymous": 200, "reader": 200, "editor": 200, "admin": 200}
DESK = {"anonymous": 401, "reader": 403, "editor": 200, "admin": 200}

Request = Callable[[Any, Wire], Any]


def _post(url: Callable[[Wire], str], body: dict[str, Any] | None = None) -> Request:
    return lambda client, wire: client.post(url(wire), body or {}, content_type="application/json")


def _get(url: Callable[[Wire], str]) -> Request:
    return lambda client, wire: client.get(url(wire))


# action: (request, expected status per caller)
MATRIX: dict[str, tuple[Request, dict[str, int]]] = {
    "openapi document": (_get(lambda w: "/api/openapi.json"), READ),
    "list public stories": (_get(lambda w: "/api/stories/"), READ),
    "list held stories": (_get(lambda w: "/api/stories/?status=held"), DESK),
    "list killed stories": (_get(lambda w: "/api/stories/?status=killed"), DESK),
    "list every story": (_get(lambda w: "/api/stories/?status=all"), DESK),
    "read a public story": (_get(lambda w: f"/api/stories/{w.public.pk}/?all_versions=1"), READ),
    "read a held story": (_get(lambda w: f"/api/stories/{w.held.pk}/"), {**DESK, "anonymous": 404, "reader": 404}),
    "read a killed story": (_get(lambda w: f"/api/stories/{w.killed.pk}/"), {**DESK, "anonymous": 410, "reader": 410}),
    "versions of a public story": (_get(lambda w: f"/api/stories/{w.public.pk}/versions/"), READ),
    "versions of a killed story": (
        _get(lambda w: f"/api/stories/{w.killed.pk}/versions/"),
        {**DESK, "anonymous": 410, "reader": 410},
    ),
    "push a payload": (
        lambda client, wire: client.post("/api/ingest/?agency=acme", nitf("PUSHED"), content_type="application/xml"),
        DESK,
    ),
    "publish": (_post(lambda w: f"/api/stories/{w.held.pk}/publish", {"reason": "ok"}), DESK),
    "hold": (_post(lambda w: f"/api/stories/{w.public.pk}/hold"), DESK),
    "kill": (_post(lambda w: f"/api/stories/{w.public.pk}/kill", {"reason": "legal"}), DESK),
    "restore": (_post(lambda w: f"/api/stories/{w.killed.pk}/restore"), DESK),
    "override the headline": (_post(lambda w: f"/api/stories/{w.public.pk}/headline", {"headline": "New"}), DESK),
    "clear the headline": (_post(lambda w: f"/api/stories/{w.public.pk}/headline", {"headline": ""}), DESK),
    "set the section": (_post(lambda w: f"/api/stories/{w.held.pk}/section", {"section": "world"}), DESK),
    "clear the section": (_post(lambda w: f"/api/stories/{w.public.pk}/section", {"section": None}), DESK),
}


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("action", MATRIX)
def test_matrix(wire: Wire, as_caller: CallerFactory, action: str, caller: str) -> None:
    request, expected = MATRIX[action]
    response = request(as_caller(caller), wire)
    assert response.status_code == expected[caller], response.content
    if response.status_code >= 400:
        assert set(response.json()["error"]) >= {"code", "message"}
    if response.status_code == 401:
        assert response["WWW-Authenticate"] == 'Bearer realm="wiredesk"'


def test_the_matrix_covers_every_documented_operation() -> None:
    from wiredesk.api.openapi import build

    operations = {(method.upper(), path) for path, item in build()["paths"].items() for method in item}
    assert len(operations) == 11
    covered = {"/api/openapi.json", "/api/stories/", "/api/stories/{id}/", "/api/stories/{id}/versions/",
               "/api/ingest/", *(f"/api/stories/{{id}}/{v}" for v in ("publish", "hold", "kill", "restore",
                                                                        "headline", "section"))}  # fmt: skip
    assert {path for _, path in operations} == covered


def test_inactive_users_tokens_stop_working(wire: Wire, as_caller: CallerFactory) -> None:
    from django.contrib.auth.models import User

    client = as_caller("editor")
    User.objects.filter(username="eddie").update(is_active=False)
    assert client.get("/api/stories/").status_code == 401
