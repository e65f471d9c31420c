"""Desk pages for sources (issue 5): admins add, edit and toggle; credentials stay write-only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from wiredesk.sources.models import Source
from wiredesk.stories.models import Agency

pytestmark = pytest.mark.django_db

SECRET = "s3cret-token-abcdefgh-9876"


@pytest.fixture
def feed(agency: Agency) -> Source:
    return Source.objects.create(agency=agency, kind=Source.Kind.HTTP, address="https://wire.example/feed.xml",
                                 auth=Source.Auth.HEADER, header_name="X-Token", secret=SECRET,
                                 last_error="Feed answered 503 Service Unavailable.")  # fmt: skip


def form_data(agency: Agency, **changes: str) -> dict[str, str]:
    data = {"agency": str(agency.pk), "name": "", "kind": "folder", "address": "", "auth": "none",
            "username": "", "secret": "", "header_name": "Authorization", "interval": "120", "section": "",
            "enabled": "on"}  # fmt: skip
    return {**data, **changes}


def test_list_shows_sources_and_errors_in_words(admin_client: Client, feed: Source) -> None:
    html = admin_client.get("/desk/sources/").content.decode()
    assert "https://wire.example/feed.xml" in html
    assert "Feed answered 503 Service Unavailable." in html
    assert 'href="/sources/health/"' in html
    assert SECRET not in html


def test_create_a_drop_folder_source(admin_client: Client, agency: Agency, tmp_path: Path) -> None:
    folder = tmp_path / "drop" / "acme"
    response = admin_client.post("/desk/sources/new/", form_data(agency, address=str(folder)))
    assert response.status_code == 302
    source = Source.objects.get()
    assert (source.kind, source.address, source.interval) == ("folder", str(folder), 120)
    assert folder.is_dir()  # the same check as `wiredesk source add` creates it


def test_create_a_push_source_shows_its_token_once(admin_client: Client, agency: Agency) -> None:
    response = admin_client.post("/desk/sources/new/", form_data(agency, kind="push"), follow=True)
    assert "Push token (shown once)" in response.content.decode()
    assert Source.objects.get().push_token_hash


@pytest.mark.parametrize(
    ("changes", "error"),
    [({"kind": "http", "address": "ftp://wire.example/"}, "must start with http"),
     ({"kind": "http", "address": "http://127.0.0.1/feed"}, "private or loopback"),
     ({"kind": "folder", "address": ""}, "drop folder"),
     ({"kind": "folder", "address": "/tmp/x", "interval": "0"}, "at least")],
)  # fmt: skip
def test_bad_configuration_is_refused_in_words(
    admin_client: Client, agency: Agency, changes: dict[str, str], error: str
) -> None:
    response = admin_client.post("/desk/sources/new/", form_data(agency, **changes))
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Source.objects.exists()


def test_credentials_are_never_shown_back(admin_client: Client, feed: Source) -> None:
    html = admin_client.get(f"/desk/sources/{feed.pk}/").content.decode()
    assert SECRET not in html
    assert SECRET[:6] not in html and SECRET[-6:] not in html
    assert "Stored: ••••••" in html


def test_blank_secret_keeps_the_stored_one_and_a_new_one_replaces_it(
    admin_client: Client, agency: Agency, feed: Source, settings: Any
) -> None:
    data = form_data(agency, kind="http", address=feed.address, auth="header", header_name="X-Token",
                     interval="60")  # fmt: skip
    settings.WIREDESK_ALLOW_PRIVATE_ADDRESSES = True  # wire.example does not resolve; skip the lookup
    assert admin_client.post(f"/desk/sources/{feed.pk}/", data).status_code == 302
    feed.refresh_from_db()
    assert (feed.secret, feed.interval) == (SECRET, 60)
    assert admin_client.post(f"/desk/sources/{feed.pk}/", {**data, "secret": "new-one"}).status_code == 302
    feed.refresh_from_db()
    assert feed.secret == "new-one"


def test_toggle_disables_and_enables(admin_client: Client, feed: Source) -> None:
    assert admin_client.post(f"/desk/sources/{feed.pk}/toggle/").status_code == 302
    feed.refresh_from_db()
    assert not feed.enabled
    admin_client.post(f"/desk/sources/{feed.pk}/toggle/")
    feed.refresh_from_db()
    assert feed.enabled and feed.next_poll_at is None
    assert admin_client.get(f"/desk/sources/{feed.pk}/toggle/").status_code == 405


def test_editors_are_refused_and_anonymous_goes_to_login(editor_client: Client, feed: Source) -> None:
    for path in ["/desk/sources/", "/desk/sources/new/", f"/desk/sources/{feed.pk}/"]:
        assert editor_client.get(path).status_code == 403
        response = Client().get(path)
        assert response.status_code == 302 and response["Location"].startswith("/desk/login/")
    assert editor_client.post(f"/desk/sources/{feed.pk}/toggle/").status_code == 403
    feed.refresh_from_db()
    assert feed.enabled
