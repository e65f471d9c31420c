"""Callers (anonymous, a user without a role, editor, admin), their tokens, and a small wire."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from wiredesk.api.tokens import create_token
from wiredesk.ingest.pipeline import Pipeline
from wiredesk.ingest.tests.factories import nitf
from wiredesk.stories import services
from wiredesk.stories.models import Agency, Section, Story


def make_user(username: str, group: str | None = None, **extra: Any) -> User:
    user = User.objects.create_user(username, **extra)  # no password: hashing one is slow
    if group:
        Group.objects.get_or_create(name=group)[0].user_set.add(user)
    return user


def bearer(user: User, name: str = "test", **kwargs: Any) -> dict[str, str]:
    _, key = create_token(user, name, **kwargs)
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def editor(db: None) -> User:
    return make_user("eddie", "editor")


@pytest.fixture
def site_admin(db: None) -> User:
    return make_user("ada", "admin")


@pytest.fixture
def reader(db: None) -> User:
    """Logged in, but in no desk group."""
    return make_user("rita")


@pytest.fixture
def acme(db: None) -> Agency:
    return Agency.objects.create(slug="acme", name="Acme Wire Service")


@pytest.fixture
def world(db: None) -> Section:
    return Section.objects.create(slug="world", name="World")


@dataclass
class Wire:
    public: Story
    held: Story
    killed: Story
    embargoed: Story


def _ingest(agency: Agency, payload: bytes, **kwargs: Any) -> Story:
    outcome = Pipeline(agency=agency, **kwargs).ingest(payload, origin="test")
    assert not outcome.quarantined, outcome.error
    return Story.objects.get(pk=outcome.stories[0].story_id)


@pytest.fixture
def wire(acme: Agency, world: Section) -> Wire:
    public = _ingest(acme, nitf("ACME-1", headline="Harbour reopens after storm"), section=world)
    held = _ingest(acme, nitf("ACME-2", headline="Minister resigns"), hold=True)
    killed = _ingest(acme, nitf("ACME-3", headline="Bridge closes"))
    services.kill(killed, actor="eddie", reason="legal")
    embargoed = _ingest(acme, nitf("ACME-4", headline="Budget figures", status="embargoed", release="20990101T000000Z"))
    return Wire(public=public, held=held, killed=killed, embargoed=embargoed)


@pytest.fixture
def client() -> Client:
    return Client()


CallerFactory = Callable[[str], Client]


@pytest.fixture
def as_caller(db: None) -> CallerFactory:
    """A client for a caller kind: anonymous, reader, editor or admin, with a Bearer token."""
    users = {"reader": ("rita", None), "editor": ("eddie", "editor"), "admin": ("ada", "admin")}

    def client_for(kind: str) -> Client:
        if kind == "anonymous":
            return Client()
        username, group = users[kind]
        user = User.objects.filter(username=username).first() or make_user(username, group)
        return Client(**bearer(user, f"{kind} token"))

    return client_for
