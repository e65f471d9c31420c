"""The desk in a real browser: Playwright driving Debian's Chromium against a live server.

An editor logs in, watches a story arrive in the queue without reloading the page,
overrides its headline, sees the public page's licence line change, kills the story and
sees 410 Gone; and is refused the admin-only pages.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db import connections

from wiredesk.desk.tests.conftest import PASSWORD, make_user
from wiredesk.ingest.pipeline import Pipeline
from wiredesk.ingest.tests.factories import ninjs
from wiredesk.stories.models import Agency, Story

CHROMIUM = "/usr/bin/chromium"
from playwright import sync_api  # noqa: E402 - a dev dependency: missing means a broken install

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def in_thread[T](work: Callable[[], T]) -> T:
    """Run ``work`` (database work) in a thread of its own and close its connections.

    Playwright's sync API keeps an event loop running in the test's thread, and Django then
    keeps the thread's connections per task context, where no teardown would close them.
    """
    result: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            result.append(work())
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread
            errors.append(exc)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return result[0]


@pytest.fixture
def page(live_server: Any) -> Iterator[Any]:
    """A Chromium page; it closes before the live server stops (it depends on it)."""
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        # Upper bounds on waiting, not timings under test: the queue polls every 10 s.
        page.set_default_timeout(30_000)
        sync_api.expect.set_options(timeout=30_000)
        yield page
        browser.close()


def _ingest(agency: Agency) -> Story:
    payload = ninjs("urn:acme:quake", headline="Quake shakes the coast", urgency=1)
    assert not Pipeline(agency=agency).ingest(payload, origin="browser-test").quarantined
    return Story.objects.get(wire_id="urn:acme:quake")


@pytest.fixture
def agency(transactional_db: None) -> Agency:
    """Made before the browser starts, in the test's thread."""
    make_user("edna", "editor")
    return Agency.objects.create(slug="acme", name="Acme Wire Service")


def test_editor_day(agency: Agency, page: Any, live_server: Any) -> None:
    expect = sync_api.expect
    base = live_server.url

    page.goto(f"{base}/desk/")
    assert "/desk/login/" in page.url
    page.fill("#id_username", "edna")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Incoming wire")
    page.evaluate("window.__sameDocument = true")  # gone if the page reloads

    story = in_thread(lambda: _ingest(agency))  # a new story arrives while the editor watches

    row = page.locator(f'tr[data-story="{story.pk}"]')
    expect(row).to_contain_text("Quake shakes the coast")
    expect(row).to_contain_text("URGENT")
    assert page.evaluate("window.__sameDocument") is True

    row.get_by_role("link").click()
    page.fill("#id_headline", "Coast shaken by strong quake")
    page.get_by_role("button", name="Override headline").click()
    expect(page.locator("#headline")).to_contain_text("Coast shaken by strong quake")

    public_path = page.get_by_role("link", name="public page").get_attribute("href")
    page.goto(f"{base}{public_path}")
    expect(page.locator("h1")).to_contain_text("Coast shaken by strong quake")
    expect(page.locator("body")).to_contain_text("(Except for the headline, the story has not been edited")

    page.goto(f"{base}/desk/story/{story.pk}/")
    page.fill("#id_reason", "agency asked")
    page.get_by_role("button", name="Kill").click()
    expect(page.locator("#status")).to_contain_text("killed")
    assert page.goto(f"{base}{public_path}").status == 410

    assert page.goto(f"{base}/desk/agencies/").status == 403
    admin = page.goto(f"{base}/admin/stories/agency/")
    assert "/admin/login/" in page.url and admin.status == 200  # the admin's login form, not the page
