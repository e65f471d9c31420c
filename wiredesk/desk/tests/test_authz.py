"""The authorization matrix of the desk: every desk URL and action × anonymous / no role /
editor / admin. The API's part of the matrix lives in ``wiredesk/api/tests/``.

``test_every_desk_url_is_in_the_matrix`` fails when a new desk URL is added without a row
here, so no page can ship without its role check being tested.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, get_resolver

from wiredesk.desk.story_views import ACTIONS
from wiredesk.desk.tests.conftest import make_user
from wiredesk.routing.models import RoutingRule
from wiredesk.sources.models import Source
from wiredesk.stories.models import Agency, Section, Story

pytestmark = pytest.mark.django_db

PUBLIC = {"login", "logout"}  # logging in and out need no role

# (url name, method, path template, data, editor's status, admin's status)
EDITOR_PAGES: list[tuple[str, str, str, dict[str, str], int, int]] = [
    ("queue", "get", "/desk/", {}, 200, 200),
    ("queue", "get", "/desk/?status=held&urgency=2&q=x", {}, 200, 200),
    ("queue-rows", "get", "/desk/queue/rows/", {}, 200, 200),
    ("story", "get", "/desk/story/{pk}/", {}, 200, 200),
    ("log", "get", "/desk/log/", {}, 200, 200),
    *[("act", "post", f"/desk/story/{{pk}}/{action}/", {"reason": "matrix", "headline": "Matrix headline",
                                                        "section": "world", "pinned": "on"}, 302, 302)
      for action in ACTIONS],
]  # fmt: skip
ADMIN_PAGES: list[tuple[str, str, str, dict[str, str], int, int]] = [
    ("agencies", "get", "/desk/agencies/", {}, 403, 200),
    ("agency", "get", "/desk/agencies/acme/", {}, 403, 200),
    ("agency", "post", "/desk/agencies/acme/", {"attribution": "Matrix"}, 403, 302),
    ("rules", "get", "/desk/rules/", {}, 403, 200),
    ("rule-new", "get", "/desk/rules/new/", {}, 403, 200),
    ("rule-new", "post", "/desk/rules/new/", {"name": "matrix-new", "position": "5", "words_in": "both"}, 403, 302),
    ("rule-new", "post", "/desk/rules/new/", {"name": "matrix-new", "position": "5", "words_in": "both",
                                              "dry_run": "1", "days": "7"}, 403, 200),
    ("rule", "get", "/desk/rules/{rule}/", {}, 403, 200),
    ("rule", "post", "/desk/rules/{rule}/", {"name": "matrix", "position": "5", "words_in": "both"}, 403, 302),
    ("rule", "post", "/desk/rules/{rule}/", {"name": "matrix", "position": "5", "words_in": "both",
                                             "dry_run": "1", "days": "7"}, 403, 200),
    ("rule-move", "post", "/desk/rules/{rule}/move/", {"direction": "up"}, 403, 302),
    ("sources", "get", "/desk/sources/", {}, 403, 200),
    ("source-new", "get", "/desk/sources/new/", {}, 403, 200),
    ("source-new", "post", "/desk/sources/new/", {"kind": "push"}, 403, 200),  # no agency: the form again
    ("source", "get", "/desk/sources/{source}/", {}, 403, 200),
    ("source", "post", "/desk/sources/{source}/", {"kind": "push"}, 403, 200),
    ("source-toggle", "post", "/desk/sources/{source}/toggle/", {}, 403, 302),
]
MATRIX = EDITOR_PAGES + ADMIN_PAGES


@pytest.fixture
def target(agency: Agency, section: Section, story: Story) -> Story:
    return story


def _request(client: Client, method: str, path: str, data: dict[str, str], story: Story) -> Any:
    rule, _ = RoutingRule.objects.get_or_create(name="matrix", defaults={"position": 1})
    source, _ = Source.objects.get_or_create(agency=story.agency, kind=Source.Kind.PUSH)
    return getattr(client, method)(path.format(pk=story.pk, rule=rule.pk, source=source.pk), data)


def test_every_desk_url_is_in_the_matrix() -> None:
    patterns = get_resolver().url_patterns
    desk = next(p for p in patterns if getattr(p, "namespace", None) == "desk")
    names = {p.name for p in desk.url_patterns if isinstance(p, URLPattern)}
    assert names - PUBLIC == {row[0] for row in MATRIX}
    for p in desk.url_patterns:
        if p.name not in PUBLIC:
            assert getattr(p.callback, "desk_role", None) in {"editor", "admin"}, p.name


@pytest.mark.parametrize(("name", "method", "path", "data", "editor_status", "admin_status"), MATRIX)
def test_anonymous_goes_to_login(
    target: Story, name: str, method: str, path: str, data: dict[str, str], editor_status: int, admin_status: int
) -> None:
    response = _request(Client(), method, path, data, target)
    assert response.status_code == 302
    assert response["Location"].startswith("/desk/login/?next=")
    target.refresh_from_db()
    assert target.status == "published" and not target.headline_override and not target.pinned


@pytest.mark.parametrize(("name", "method", "path", "data", "editor_status", "admin_status"), MATRIX)
def test_a_user_without_a_role_is_refused(
    target: Story, name: str, method: str, path: str, data: dict[str, str], editor_status: int, admin_status: int
) -> None:
    client = Client()
    client.force_login(make_user("reader", None))
    assert _request(client, method, path, data, target).status_code == 403


@pytest.mark.parametrize(("name", "method", "path", "data", "editor_status", "admin_status"), MATRIX)
def test_editor(
    editor_client: Client,
    target: Story,
    name: str,
    method: str,
    path: str,
    data: dict[str, str],
    editor_status: int,
    admin_status: int,
) -> None:
    assert _request(editor_client, method, path, data, target).status_code == editor_status


@pytest.mark.parametrize(("name", "method", "path", "data", "editor_status", "admin_status"), MATRIX)
def test_admin(
    admin_client: Client,
    target: Story,
    name: str,
    method: str,
    path: str,
    data: dict[str, str],
    editor_status: int,
    admin_status: int,
) -> None:
    assert _request(admin_client, method, path, data, target).status_code == admin_status


def test_editor_actions_write_nothing_when_refused(editor_client: Client, agency: Agency) -> None:
    editor_client.post("/desk/agencies/acme/", {"attribution": "Hacked", "expire_after_days": "1"})
    agency.refresh_from_db()
    assert agency.attribution == "Acme" and agency.expire_after_days is None


@pytest.mark.parametrize("path", ["/admin/", "/admin/stories/agency/", "/admin/auth/user/"])
def test_django_admin_is_for_admins_only(editor_client: Client, admin_client: Client, path: str) -> None:
    refused = editor_client.get(path)
    assert refused.status_code == 302 and refused["Location"].startswith("/admin/login/")
    assert admin_client.get(path).status_code == 200


def test_desk_post_needs_csrf(editor: Any, story: Story) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(f"/desk/story/{story.pk}/kill/").status_code == 403
    story.refresh_from_db()
    assert story.status == "published"
