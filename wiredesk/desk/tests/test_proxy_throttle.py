"""The admin's login shares the desk's throttle, and the throttle keys on the real client.

Behind deploy/nginx every request comes from 127.0.0.1. Keyed on that, five wrong guesses
from anywhere would lock an editor out for everyone; keyed on ``X-Forwarded-For`` from
anyone, a guesser would pick a new address per try. The key is the address the trusted
proxy names, and only a trusted proxy may name one (``wiredesk.proxy``).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, RequestFactory

from wiredesk.desk.models import LoginFailure
from wiredesk.desk.tests.conftest import PASSWORD
from wiredesk.desk.throttle import MAX_FAILURES
from wiredesk.proxy import client_address

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"
TRUSTED = ["127.0.0.1", "::1"]


def admin_login(client: Client, username: str, password: str, **meta: str) -> int:
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password},
                       **meta).status_code  # fmt: skip


def desk_login(client: Client, username: str, password: str, **meta: str) -> int:
    return client.post("/desk/login/", {"username": username, "password": password}, **meta).status_code


def test_the_admin_login_is_throttled_and_shares_the_desks_count(admin_user: Any) -> None:
    client = Client()
    assert client.get("/admin/login/").status_code == 200
    for _ in range(MAX_FAILURES - 2):
        assert admin_login(client, "ada", "wrong", REMOTE_ADDR="10.0.0.1") == 200
    for _ in range(2):
        assert desk_login(client, "ada", "wrong", REMOTE_ADDR="10.0.0.1") == 200
    response = client.post("/admin/login/", {"username": "ada", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 429 and b"Too many failed logins" in response.content
    assert desk_login(client, "ada", PASSWORD, REMOTE_ADDR="10.0.0.1") == 429
    # Not an account lock: the admin logs in from another address.
    assert admin_login(client, "ada", PASSWORD, REMOTE_ADDR="10.0.0.2") == 302
    assert client.get("/admin/").status_code == 200


def test_an_admin_login_success_clears_the_failures(admin_user: Any) -> None:
    client = Client()
    for _ in range(MAX_FAILURES - 1):
        admin_login(client, "ada", "wrong")
    assert admin_login(client, "ada", PASSWORD) == 302
    assert not LoginFailure.objects.filter(username="ada").exists()


def test_a_user_who_may_not_use_the_admin_counts_as_a_failure(editor: Any) -> None:
    """The right password of an editor (no admin rights) is refused by the admin: a failure."""
    client = Client()
    for _ in range(MAX_FAILURES):
        assert admin_login(client, "edna", PASSWORD) == 200
    assert admin_login(client, "edna", PASSWORD) == 429


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(editor: Any, settings: Any) -> None:
    settings.WIREDESK_TRUSTED_PROXIES = []
    client = Client()
    for n in range(MAX_FAILURES):  # a new made-up address on every try
        forged = f"10.9.9.{n}"
        assert desk_login(client, "edna", "wrong", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=forged) == 200
    assert desk_login(client, "edna", PASSWORD, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="10.9.9.99") == 429
    assert set(LoginFailure.objects.values_list("ip", flat=True)) == {"198.51.100.7"}


def test_a_client_faking_the_header_cannot_shift_the_key_even_with_a_proxy_configured(
    editor: Any, settings: Any
) -> None:
    """Reaching the app directly (not from the proxy), the header is someone's wish, not a fact."""
    settings.WIREDESK_TRUSTED_PROXIES = TRUSTED
    client = Client()
    for n in range(MAX_FAILURES):
        desk_login(client, "edna", "wrong", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    assert desk_login(client, "edna", PASSWORD, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.50") == 429


def test_behind_the_trusted_proxy_the_key_is_the_real_client(editor: Any, settings: Any) -> None:
    settings.WIREDESK_TRUSTED_PROXIES = TRUSTED
    client = Client()
    for _ in range(MAX_FAILURES):
        assert desk_login(client, "edna", "wrong", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9") == 200
    assert desk_login(client, "edna", PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9") == 429
    assert admin_login(client, "edna", PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9") == 429
    # The guesser's failures are theirs: the editor, elsewhere behind the same proxy, logs in.
    assert desk_login(client, "edna", PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.44") == 302
    assert set(LoginFailure.objects.values_list("ip", flat=True)) == {"203.0.113.9"}


def test_a_header_the_client_started_does_not_help_behind_an_appending_proxy(editor: Any, settings: Any) -> None:
    """A proxy that appends (``$proxy_add_x_forwarded_for``) keeps the client's entries on the
    left; the walk from the right stops at the first address no trusted proxy vouches for."""
    settings.WIREDESK_TRUSTED_PROXIES = TRUSTED
    client = Client()
    for n in range(MAX_FAILURES):
        desk_login(client, "edna", "wrong", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 203.0.113.9")
    assert desk_login(client, "edna", PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9") == 429


@pytest.mark.parametrize(
    ("peer", "forwarded", "trusted", "client"),
    [
        ("198.51.100.7", "203.0.113.9", [], "198.51.100.7"),
        ("127.0.0.1", "203.0.113.9", [], "127.0.0.1"),
        ("127.0.0.1", "203.0.113.9", TRUSTED, "203.0.113.9"),
        ("::1", "2001:db8::5", TRUSTED, "2001:db8::5"),
        ("127.0.0.1", "", TRUSTED, "127.0.0.1"),
        ("127.0.0.1", "127.0.0.1", TRUSTED, "127.0.0.1"),  # a request from the machine itself
        ("10.0.0.2", "203.0.113.9, 10.0.0.3", ["10.0.0.0/8"], "203.0.113.9"),  # two proxies in a network
        ("127.0.0.1", "203.0.113.9, not-an-address", TRUSTED, "127.0.0.1"),  # garbage: no client's choice
        ("::ffff:127.0.0.1", "203.0.113.9", ["127.0.0.1"], "203.0.113.9"),  # IPv4-mapped peer
    ],
)
def test_client_address(peer: str, forwarded: str, trusted: list[str], client: str, settings: Any) -> None:
    settings.WIREDESK_TRUSTED_PROXIES = trusted
    request = RequestFactory().get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == client


def test_only_a_trusted_proxy_can_say_the_request_was_https(settings: Any) -> None:
    settings.WIREDESK_TRUSTED_PROXIES = TRUSTED
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 3600
    client = Client()
    direct = client.get("/robots.txt", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_PROTO="https")
    assert "Strict-Transport-Security" not in direct
    proxied = client.get("/robots.txt", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_PROTO="https")
    assert proxied["Strict-Transport-Security"].startswith("max-age=3600")
