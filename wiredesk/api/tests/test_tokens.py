"""API tokens: hashed at rest, shown once, found by prefix, revocable; ``wiredesk token``."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from wiredesk.api.models import ApiToken
from wiredesk.api.tests.conftest import make_user
from wiredesk.api.tokens import create_token, find_token, hash_key, revoke_token

pytestmark = pytest.mark.django_db


def test_only_the_hash_and_a_prefix_are_stored() -> None:
    user = make_user("eddie", "editor")
    token, key = create_token(user, "CMS")
    assert key.startswith("wd_") and len(key) == 43
    row = ApiToken.objects.get()
    assert row.key_hash == hash_key(key) != key
    assert key.startswith(row.prefix) and len(row.prefix) == ApiToken.PREFIX_LENGTH
    assert key not in str(ApiToken.objects.values().get())
    assert find_token(key) == token
    assert find_token(key[:-1] + ("A" if key[-1] != "A" else "B")) is None
    assert find_token("not-a-key") is None


def test_use_is_recorded_and_revocation_is_final() -> None:
    token, key = create_token(make_user("eddie", "editor"), "CMS")
    assert token.last_used is None
    find_token(key)
    token.refresh_from_db()
    assert token.last_used is not None
    revoke_token(token)
    first_revoked = token.revoked
    revoke_token(token)
    assert token.revoked == first_revoked
    assert find_token(key) is None


def test_token_command_prints_the_key_once() -> None:
    make_user("eddie", "editor")
    out, err = StringIO(), StringIO()
    call_command("token", "add", "eddie", "--name", "CMS sync", stdout=out, stderr=err)
    key = out.getvalue().strip()
    assert Client(HTTP_AUTHORIZATION=f"Bearer {key}").get("/api/stories/?status=all").status_code == 200
    token = ApiToken.objects.get()
    assert f"token {token.pk} for eddie" in err.getvalue()
    listing = StringIO()
    call_command("token", "list", stdout=listing)
    assert "CMS sync" in listing.getvalue() and token.prefix in listing.getvalue()
    assert key not in listing.getvalue()
    call_command("token", "revoke", str(token.pk), stdout=StringIO())
    assert Client(HTTP_AUTHORIZATION=f"Bearer {key}").get("/api/stories/").status_code == 401


def test_token_command_source_tokens_and_errors() -> None:
    from wiredesk.stories.models import Agency

    make_user("feeder")
    Agency.objects.create(slug="acme", name="Acme")
    err = StringIO()
    call_command("token", "add", "feeder", "--name", "acme push", "--agency", "acme", stdout=StringIO(), stderr=err)
    assert ApiToken.objects.get().agency.slug == "acme"  # type: ignore[union-attr]
    assert "cannot write" in err.getvalue()
    with pytest.raises(CommandError, match="No user"):
        call_command("token", "add", "nobody", "--name", "x")
    with pytest.raises(CommandError, match="No agency"):
        call_command("token", "add", "feeder", "--name", "x", "--agency", "nope")
    with pytest.raises(CommandError, match="No token"):
        call_command("token", "revoke", "999")
