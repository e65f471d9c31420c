"""No page breaks its own Content-Security-Policy: Chromium walks the site, desk and admin.

Debian's Chromium through Playwright, against pytest-django's live server (the policy is
enforced, not report-only). Every ``securitypolicyviolation`` event, every console error
and every uncaught script error on any page is collected; the test fails on any. The only
console errors let through are Chromium's notes that a page answered 4xx on purpose (the
404, 410 and CSRF pages visited here). The pages' scripts are made to run (Load more, the
queue's refresh, the admin's widgets), so a blocked script cannot pass unnoticed.
Fails, never skips, when Chromium is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connections
from playwright.sync_api import BrowserContext, Page, expect, sync_playwright

from wiredesk.desk.tests.conftest import PASSWORD, make_user
from wiredesk.site.links import story_path
from wiredesk.site.queries import PAGE_SIZE
from wiredesk.site.tests.factories import make_stories, make_story
from wiredesk.stories import services
from wiredesk.stories.models import Agency, Section, Story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"]
# Chromium's own line for a document that answered 4xx: the status, not a policy problem.
HTTP_STATUS_NOTE = "Failed to load resource: the server responded with a status of 4"
REPORTER = """
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolation([e.violatedDirective, e.blockedURI, e.sourceFile + ":" + e.lineNumber,
                         location.pathname].join(" "));
});
"""


class Watch:
    """Everything a browser context reports that a page should never cause."""

    def __init__(self, context: BrowserContext) -> None:
        self.problems: list[str] = []
        context.expose_function("__cspViolation", lambda text: self.problems.append(f"CSP violation: {text}"))
        context.add_init_script(REPORTER)
        context.on("page", self.attach)

    def attach(self, page: Page) -> None:
        page.on("console", lambda m: self._console(page, m))
        page.on("pageerror", lambda error: self.problems.append(f"script error on {page.url}: {error}"))

    def _console(self, page: Page, message: Any) -> None:
        if message.type == "error" and not message.text.startswith(HTTP_STATUS_NOTE):
            self.problems.append(f"console error on {page.url}: {message.text}")


@pytest.fixture
def browser_context(live_server: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[BrowserContext, Watch]]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make chromium` (never `playwright install`).",
                    pytrace=False)  # fmt: skip
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(base_url=live_server.url)
            context.set_default_timeout(30_000)
            watch = Watch(context)
            yield context, watch
        finally:
            browser.close()
            connections.close_all()


@pytest.fixture
def newsroom(transactional_db: None) -> dict[str, Story]:
    """A section with more than a page of stories, one killed story, and an admin."""
    agency = Agency.objects.create(slug="ians", name="Indo-Asian News Service", about="A news agency.")
    section = Section.objects.create(slug="world", name="World", position=1)
    make_stories(agency, PAGE_SIZE + 2, section=section)
    body = '<p>Ships are back.</p><blockquote cite="https://wire.example/q"><p>Quoted.</p></blockquote>'
    lead = make_story(agency, "urn:ians:lead", headline="Harbour reopens after the storm", section=section, body=body)
    killed = make_story(agency, "urn:ians:killed", headline="Withdrawn story", section=section)
    services.kill(killed, actor="test", reason="legal")
    make_user("ada", "admin")
    return {"lead": lead, "killed": killed}


def visit(page: Page, path: str, status: int = 200) -> None:
    response = page.goto(path)
    assert response is not None and response.status == status, f"{path}: {response and response.status}"
    page.wait_for_load_state("load")


def test_no_page_violates_the_content_security_policy(
    newsroom: dict[str, Story], browser_context: tuple[BrowserContext, Watch]
) -> None:
    context, watch = browser_context
    page = context.new_page()
    lead, killed = newsroom["lead"], newsroom["killed"]

    # The public site, its inline script doing its work.
    visit(page, "/")
    visit(page, "/section/world/")
    items = page.locator("main ol.stories > li")
    expect(items).to_have_count(PAGE_SIZE)
    page.get_by_role("link", name="Load more…").click()
    expect(items).to_have_count(PAGE_SIZE + 3)  # appended in place by site.js
    visit(page, story_path(lead))
    expect(page.locator("article.story h1")).to_have_text("Harbour reopens after the storm")
    visit(page, "/agency/ians/")
    visit(page, "/search/?q=harbour")
    visit(page, "/no/such/page/", 404)
    visit(page, story_path(killed), 410)

    # The desk: log in through its form, let the queue's script run, act on a story.
    visit(page, "/desk/login/")
    page.fill("#id_username", "ada")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Incoming wire")
    # Polled from here: wait_for_function evaluates its predicate with eval() inside the page,
    # which the policy (rightly) refuses once the first check is not already true.
    loaded = "performance.getEntriesByType('resource').some(e => e.name.endsWith('/static/desk/queue.js'))"
    for _ in range(100):
        if page.evaluate(loaded):
            break
        page.wait_for_timeout(100)
    assert page.evaluate(loaded), "the desk's queue script never loaded"
    visit(page, f"/desk/story/{lead.pk}/")
    page.fill("#id_headline", "Harbour open again")
    page.get_by_role("button", name="Override headline").click()
    expect(page.locator("#headline")).to_contain_text("Harbour open again")
    for path in ["/desk/log/", "/desk/agencies/", "/desk/rules/", "/desk/rules/new/", "/desk/sources/",
                 "/desk/sources/new/", "/sources/health/"]:  # fmt: skip
        visit(page, path)

    # Django admin: its scripts (theme, sidebar, calendar and select widgets) and styles.
    for path in ["/admin/", "/admin/stories/agency/", f"/admin/stories/agency/{lead.agency_id}/change/",
                 "/admin/auth/user/add/", "/admin/stories/story/"]:  # fmt: skip
        visit(page, path)
    expect(page.locator("#nav-sidebar")).to_be_attached()

    # Django's CSRF failure page (its inline style carries the nonce): a login form whose
    # CSRF cookie is gone by the time it is sent.
    context.clear_cookies()
    visit(page, "/desk/login/")
    context.clear_cookies()
    page.fill("#id_username", "ada")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation() as navigation:
        page.click("button[type=submit]")
    response = navigation.value
    assert response is not None and response.status == 403
    expect(page.locator("h1")).to_contain_text("Forbidden")
    visit(page, "/admin/login/")  # logged out: the admin's own login page

    page.wait_for_timeout(500)  # late events (fonts, images) still reach the watch
    assert watch.problems == []
