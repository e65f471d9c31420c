from __future__ import annotations

import pytest
from django.test import Client

from wiredesk.desk.tests.conftest import PASSWORD
from wiredesk.desk.throttle import MAX_FAILURES

pytestmark = pytest.mark.django_db


def _login(client: Client, username: str, password: str, ip: str = "10.0.0.1") -> int:
    return client.post("/desk/login/", {"username": username, "password": password}, REMOTE_ADDR=ip).status_code


def test_login_page_and_success(editor: object) -> None:
    client = Client()
    assert client.get("/desk/login/").status_code == 200
    response = client.post("/desk/login/", {"username": "edna", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/desk/"
    assert client.get("/desk/").status_code == 200


def test_too_many_failures_are_refused_with_429(editor: object) -> None:
    client = Client()
    for _ in range(MAX_FAILURES):
        assert _login(client, "edna", "wrong") == 200  # the form again, with an error
    assert _login(client, "edna", PASSWORD) == 429  # even the right password, for now
    response = client.post("/desk/login/", {"username": "edna", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    assert b"Too many failed logins" in response.content
    # Another address is not locked out: the throttle never locks accounts.
    assert _login(client, "edna", PASSWORD, ip="10.0.0.2") == 302


def test_a_success_clears_the_failures(editor: object) -> None:
    client = Client()
    for _ in range(MAX_FAILURES - 1):
        _login(client, "edna", "wrong")
    assert _login(client, "edna", PASSWORD) == 302
    client.logout()
    for _ in range(MAX_FAILURES - 1):
        _login(client, "edna", "wrong")
    assert _login(client, "edna", PASSWORD) == 302


def test_logout_is_a_post(editor_client: Client) -> None:
    assert editor_client.post("/desk/logout/").status_code == 302
    assert editor_client.get("/desk/").status_code == 302
