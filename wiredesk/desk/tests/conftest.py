from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from wiredesk.site.tests.factories import make_story
from wiredesk.stories.models import Agency, Section, Story
from wiredesk.stories.roles import set_role

PASSWORD = "a-long-desk-password-1"


@pytest.fixture(autouse=True)
def fast_hasher(settings: Any) -> None:
    # Real hashers are slow on purpose; the matrix logs in users hundreds of times.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_user(username: str, role: str | None) -> Any:
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    if role:
        set_role(user, role)
    return user


@pytest.fixture
def agency(db: None) -> Agency:
    return Agency.objects.create(slug="acme", name="Acme Wire Service", attribution="Acme")


@pytest.fixture
def section(db: None) -> Section:
    return Section.objects.create(slug="world", name="World")


@pytest.fixture
def story(agency: Agency) -> Story:
    return make_story(agency, "urn:acme:1", headline="Harbour reopens after storm")


@pytest.fixture
def editor(db: None) -> Any:
    return make_user("edna", "editor")


@pytest.fixture
def admin_user(db: None) -> Any:
    return make_user("ada", "admin")


@pytest.fixture
def editor_client(editor: Any) -> Client:
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def admin_client(admin_user: Any) -> Client:
    client = Client()
    client.force_login(admin_user)
    return client
