"""The Content-Security-Policy every page gets, checked against what the pages hold.

A strict policy only helps if the pages keep to it: each inline ``<script>``/``<style>`` a
page holds must be allowed by its hash (or, on never-cached pages, its nonce). These tests
read the header and the HTML and compare; the browser test (``test_browser_csp.py``)
checks that Chromium reports no violation. What the policy is and why: docs/security.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from wiredesk.desk.tests.conftest import make_user
from wiredesk.security import source_hash
from wiredesk.site.cache import CACHE_HEADER, clear_pages
from wiredesk.site.links import story_path
from wiredesk.site.tests.factories import make_story
from wiredesk.stories.models import Agency, Section, Story

pytestmark = pytest.mark.django_db

INLINE = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1>", re.S)
DIRECTIVES = ("default-src", "script-src", "style-src", "img-src", "object-src", "base-uri", "form-action",
              "frame-ancestors")  # fmt: skip


@pytest.fixture(autouse=True)
def pages_cache(settings: Any, tmp_path: Path) -> Iterator[None]:
    settings.WIREDESK_HOME = tmp_path
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "csp-pages"},
    }
    clear_pages()
    yield
    clear_pages()


@pytest.fixture
def story(ians: Agency, middle_east: Section) -> Story:
    body = '<p>Words.</p><blockquote cite="https://wire.example/q"><p>Quoted.</p></blockquote>'
    return make_story(ians, "urn:ians:csp", headline="Harbour reopens", section=middle_east, body=body)


def policy(response: Any) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split("; ")}


def check_page(response: Any) -> dict[str, list[str]]:
    """Every inline script and style of the page is allowed by hash or nonce; nothing unsafe."""
    rules = policy(response)
    assert set(DIRECTIVES) <= set(rules), rules
    assert rules["object-src"] == ["'none'"] and rules["base-uri"] == ["'none'"]
    assert rules["frame-ancestors"] == ["'none'"] and rules["form-action"] == ["'self'"]
    for values in rules.values():
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:"} & set(values), rules
    html = response.content.decode()
    for tag, attributes, text in INLINE.findall(html):
        if 'type="application/ld+json"' in attributes or " src=" in f" {attributes}":
            continue  # data, not script; or a same-origin file ('self')
        allowed = rules[f"{tag}-src"]
        nonce = re.search(r'nonce="([^"]+)"', attributes)
        assert source_hash(text) in allowed or (nonce and f"'nonce-{nonce.group(1)}'" in allowed), (tag, text[:80])
    return rules


def test_site_pages_allow_their_inline_assets_by_hash_and_carry_no_nonce(client: Client, story: Story) -> None:
    for path in ["/", "/section/middle-east/", story_path(story), "/agency/ians/", "/search/?q=harbour",
                 "/no/such/page/"]:  # fmt: skip
        response = client.get(path)
        rules = check_page(response)
        assert b"<script>" in response.content and b"<style>" in response.content, path
        assert not any("nonce-" in value for values in rules.values() for value in values), path


def test_a_cached_page_is_served_with_the_same_policy(client: Client, story: Story) -> None:
    """The page cache and nginx replay one copy to everybody: the policy must not vary."""
    first = client.get(story_path(story))
    again = client.get(story_path(story))
    assert (first[CACHE_HEADER], again[CACHE_HEADER]) == ("miss", "hit")
    assert first["Content-Security-Policy"] == again["Content-Security-Policy"]
    check_page(again)


def test_a_killed_story_page_keeps_the_policy(client: Client, story: Story) -> None:
    from wiredesk.stories import services

    services.kill(story, actor="test", reason="legal")
    gone = client.get(story_path(story))
    assert gone.status_code == 410
    check_page(gone)


def test_desk_admin_api_and_health_pages_have_the_policy(client: Client, story: Story) -> None:
    for path in ["/desk/login/", "/admin/login/", "/api/openapi.json", "/api/stories/", "/feeds/rss/", "/robots.txt"]:
        check_page(client.get(path))
    admin = make_user("ada", "admin")
    client.force_login(admin)
    for path in ["/desk/", f"/desk/story/{story.pk}/", "/desk/rules/", "/desk/sources/", "/sources/health/",
                 "/admin/", "/admin/stories/agency/", f"/admin/auth/user/{admin.pk}/change/"]:  # fmt: skip
        response = client.get(path)
        assert response.status_code == 200, path
        check_page(response)
        assert b"<script>" not in response.content, path  # the desk and admin load their scripts from files


def test_django_admin_pages_get_a_nonce_for_style_only(client: Client) -> None:
    """Django's admin marks its tags with the request's nonce (its pages are never cached);
    the policy takes it for styles only: every admin script is a same-origin file."""
    client.force_login(make_user("ada", "admin"))
    first, second = client.get("/admin/"), client.get("/admin/")
    for response in (first, second):
        rules = check_page(response)
        assert [value for value in rules["style-src"] if value.startswith("'nonce-")]
        assert not [value for value in rules["script-src"] if value.startswith("'nonce-")]
    assert policy(first)["style-src"] != policy(second)["style-src"]  # a new nonce per request


def test_the_csrf_failure_page_is_styled_within_the_policy(client: Client) -> None:
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/desk/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    check_page(response)
