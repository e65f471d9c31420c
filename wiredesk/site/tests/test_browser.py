"""The public site in a real browser: the reader's journey with and without JavaScript.

Debian's Chromium, driven by Playwright, against pytest-django's live server. The database
is shared with the server thread (``transaction=True``), and stories are made through the
real ingest pipeline. These tests fail, never skip, when Chromium is missing: ``make test``
installs it first (the ``chromium`` target).

They do not test the HTML in detail (``test_article.py`` and ``test_views.py`` do); they
test what only a browser shows: the Load-more script, the clipboard, where the page sends
requests, and how the page looks (screenshots in ``test-output/screenshots/``).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from django.db import connections
from playwright.sync_api import Browser, Page, expect, sync_playwright

from wiredesk.site.links import story_path
from wiredesk.site.queries import PAGE_SIZE
from wiredesk.site.tests.factories import IRAN, make_stories, make_story
from wiredesk.stories import services
from wiredesk.stories.models import Agency, Section, Story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = Path(__file__).resolve().parents[3] / "test-output" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 390, "height": 844}
FILLERS = 2 * PAGE_SIZE  # with the lead story: two full pages and one more story in the section
CANONICAL_BASE = "https://news.example"  # WIREDESK_BASE_URL in conftest.site_settings

STORY_ITEMS = "main ol.stories > li"
RELATED_ITEMS = "section.related ol#related > li"
SHARE_NAMES = ("whatsapp", "x", "facebook", "telegram", "email")
# The licence sentence of the provenance line (meta.provenance); the line may say more.
UNEDITED = "(The story has not been edited by Siasat staff and is published from a syndicated feed.)"
HEADLINE_EDITED = "(Except for the headline, the story has not been edited by Siasat staff and is published"


@pytest.fixture
def chromium(monkeypatch: pytest.MonkeyPatch) -> Iterator[Browser]:
    """Debian's Chromium through Playwright, for one test; fails when it is not installed."""
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: the browser tests need Debian's Chromium. "
            "Run `make chromium` (apt-get install chromium); never `playwright install`.",
            pytrace=False,
        )
    # Playwright's sync API keeps an asyncio loop in this thread, and Django then refuses
    # ORM calls here (SynchronousOnlyOperation) although nothing runs concurrently: the
    # tests call the services between page actions, in plain synchronous code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
            # Django keeps connections in context variables, and the ones opened while
            # Playwright runs are out of reach once it stops: close them here, or they
            # stay open and PostgreSQL refuses to drop the test database.
            connections.close_all()


class Visit:
    """One browser context on the live server that records every request its pages make."""

    def __init__(self, browser: Browser, base_url: str, *, javascript: bool = True, viewport: dict[str, int] = DESKTOP):
        self.base_url = base_url
        self.requests: list[str] = []
        self.context = browser.new_context(base_url=base_url, java_script_enabled=javascript, viewport=viewport)
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()

    def foreign_requests(self) -> list[str]:
        """Requests to anything but the live server (third-party scripts, fonts, trackers…)."""
        assert self.requests, "no request recorded: the listener is not attached"
        home = urlsplit(self.base_url).netloc
        return [url for url in self.requests if urlsplit(url).netloc != home]


@pytest.fixture
def browser_page(chromium: Browser, live_server: object) -> Visit:
    """A JavaScript-enabled desktop visit to the live server."""
    return Visit(chromium, str(live_server))


@pytest.fixture
def lead(ians: Agency, middle_east: Section) -> Story:
    """A full reference-page story, newest in a section that holds two pages and one story more."""
    # lists sort by the agency's time (issue #11): the fillers were filed before the lead
    make_stories(ians, FILLERS, section=middle_east, versionCreated="2024-01-22T05:00:00+00:00")
    return make_story(ians, "urn:ians:iran", section=middle_east, **IRAN)


def item_links(page: Page, selector: str) -> list[str]:
    return [str(href) for href in page.locator(f"{selector} > a").evaluate_all("els => els.map(a => a.href)")]


def go(page: Page, path: str) -> None:
    response = page.goto(path)
    assert response is not None and response.status == 200, f"{path}: {response and response.status}"


def check_article(page: Page, story: Story) -> None:
    """Every element of the reference article page is on the page, as a reader sees it."""
    canonical = f"{CANONICAL_BASE}{story_path(story)}"
    article = page.locator("article.story")
    expect(article.locator("p.kicker a")).to_have_text("Middle East")
    expect(article.locator("p.kicker a")).to_have_attribute("href", "/section/middle-east/")
    expect(article.locator("h1")).to_have_text(IRAN["headline"])
    expect(article.locator("p.standfirst")).to_have_text(IRAN["abstract"])
    for name in SHARE_NAMES:
        expect(article.locator(f"nav.share a.share-{name}")).to_be_visible()
    expect(article.locator("nav.share a.share-copy")).to_have_text("Copy link")
    expect(article.locator("nav.share a.share-copy")).to_have_attribute("href", canonical)
    expect(article.locator(".body p.dateline")).to_have_text("Tehran:")
    expect(article.locator(".body p:not(.dateline)").first).to_contain_text("Iran has identified")
    expect(article.locator("p.provenance")).to_contain_text(UNEDITED)
    modified = article.locator("p.modified")
    expect(modified).to_have_text("This post was last modified on January 22, 2024 11:08 am")
    assert modified.locator("time").get_attribute("datetime") == "2024-01-22T11:08:00+05:30"
    box = page.locator("aside.agency-box")
    expect(box.locator("a")).to_have_text("Indo-Asian News Service")
    expect(box.locator("a")).to_have_attribute("href", "/agency/ians/")
    expect(box).to_contain_text("private Indian news agency")
    expect(page.locator(RELATED_ITEMS)).to_have_count(PAGE_SIZE)
    expect(page.locator("section.related a[data-more]")).to_have_text("Load more…")


def test_reader_journey_with_javascript(lead: Story, browser_page: Visit) -> None:
    page = browser_page.page
    go(page, "/")
    page.locator("main section.group h2 a", has_text="Middle East").click()
    page.wait_for_url("**/section/middle-east/")
    items = page.locator(STORY_ITEMS)
    expect(items).to_have_count(PAGE_SIZE)
    first_page = item_links(page, STORY_ITEMS)

    page.evaluate("window.__notReloaded = true")  # gone if "Load more" navigated instead
    page.get_by_role("link", name="Load more…").click()
    expect(items).to_have_count(2 * PAGE_SIZE)
    page.wait_for_url("**/section/middle-east/?before=*")
    assert page.evaluate("window.__notReloaded") is True
    appended = item_links(page, STORY_ITEMS)
    assert appended[:PAGE_SIZE] == first_page and len(set(appended)) == 2 * PAGE_SIZE
    shared_url = page.url

    page.get_by_role("link", name="Load more…").click()
    expect(items).to_have_count(FILLERS + 1)
    expect(page.locator("main a[data-more]")).to_have_count(0)  # the last page has no link
    assert page.evaluate("window.__notReloaded") is True

    # The URL the script left in the address bar is shareable: opened directly, it shows
    # the page that was appended last when it was set.
    go(page, shared_url)
    expect(items).to_have_count(PAGE_SIZE)
    assert item_links(page, STORY_ITEMS) == appended[PAGE_SIZE:]
    expect(page.locator('meta[name="robots"]')).to_have_attribute("content", "noindex, follow")

    go(page, "/section/middle-east/")
    page.locator(STORY_ITEMS).first.locator("a").click()
    page.wait_for_url(f"**{story_path(lead)}")
    check_article(page, lead)

    related = page.locator(RELATED_ITEMS)
    page.get_by_role("link", name="Load more…").click()
    expect(related).to_have_count(FILLERS)  # every other story of the section, lead excluded
    expect(page.locator("section.related a[data-more]")).to_have_count(0)
    page.wait_for_url(f"**{story_path(lead)}?before=*")
    assert not [link for link in item_links(page, RELATED_ITEMS) if link.endswith(story_path(lead))]

    page.locator("aside.agency-box a").click()
    page.wait_for_url("**/agency/ians/")
    expect(page.locator("h1")).to_have_text("Indo-Asian News Service")
    assert browser_page.foreign_requests() == []


def test_reader_journey_without_javascript(lead: Story, chromium: Browser, live_server: object) -> None:
    visit = Visit(chromium, str(live_server), javascript=False)
    page = visit.page
    go(page, "/")
    page.locator("main section.group h2 a", has_text="Middle East").click()
    page.wait_for_url("**/section/middle-east/")
    items = page.locator(STORY_ITEMS)
    expect(items).to_have_count(PAGE_SIZE)
    first_page = item_links(page, STORY_ITEMS)

    more = page.get_by_role("link", name="Load more…")
    assert (more.get_attribute("href") or "").startswith("/section/middle-east/?before=")
    with page.expect_navigation():
        more.click()
    assert "/section/middle-east/?before=" in page.url
    expect(items).to_have_count(PAGE_SIZE)  # a new page, not an appended list
    second_page = item_links(page, STORY_ITEMS)
    assert not set(second_page) & set(first_page)

    with page.expect_navigation():
        page.get_by_role("link", name="Load more…").click()
    expect(items).to_have_count(1)
    expect(page.locator("main a[data-more]")).to_have_count(0)

    go(page, "/section/middle-east/")
    page.locator(STORY_ITEMS).first.locator("a").click()
    page.wait_for_url(f"**{story_path(lead)}")
    check_article(page, lead)
    with page.expect_navigation():
        page.get_by_role("link", name="Load more…").click()
    assert f"{story_path(lead)}?before=" in page.url
    expect(page.locator("article.story h1")).to_have_text(IRAN["headline"])
    expect(page.locator(RELATED_ITEMS)).to_have_count(PAGE_SIZE)
    expect(page.locator("section.related a[data-more]")).to_have_count(0)
    assert visit.foreign_requests() == []


def test_share_links_carry_the_canonical_url(lead: Story, chromium: Browser, live_server: object) -> None:
    canonical = f"{CANONICAL_BASE}{story_path(lead)}"
    encoded = quote(canonical, safe="")
    visit = Visit(chromium, str(live_server))
    visit.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=str(live_server))
    page = visit.page
    go(page, story_path(lead))
    hrefs = {name: page.locator(f"nav.share a.share-{name}").get_attribute("href") or "" for name in SHARE_NAMES}
    assert hrefs["whatsapp"].startswith("https://wa.me/?text=") and hrefs["whatsapp"].endswith(encoded)
    assert hrefs["x"].startswith(f"https://twitter.com/intent/tweet?url={encoded}&text=")
    assert hrefs["facebook"] == f"https://www.facebook.com/sharer/sharer.php?u={encoded}"
    assert hrefs["telegram"].startswith(f"https://t.me/share/url?url={encoded}&text=")
    assert hrefs["email"].startswith("mailto:?subject=") and hrefs["email"].endswith(f"&body={encoded}")

    copy = page.locator("nav.share a.share-copy")
    assert copy.get_attribute("href") == canonical
    page.evaluate("window.__notReloaded = true")
    copy.click()
    expect(copy).to_have_text("Link copied")
    assert page.url.endswith(story_path(lead)) and page.evaluate("window.__notReloaded") is True
    assert page.evaluate("navigator.clipboard.readText()") == canonical
    assert visit.foreign_requests() == []  # nothing is fetched from a share target before a click


def test_desk_changes_reach_the_page(lead: Story, browser_page: Visit) -> None:
    page = browser_page.page
    path = story_path(lead)
    go(page, path)
    expect(page.locator("p.provenance")).to_contain_text(UNEDITED)

    # The browser may keep its copy for a minute (Cache-Control: max-age): the reader
    # reloads, and the browser revalidates with the server.
    services.set_headline(lead, "Iran dismantles 10 cells after Kerman blasts", actor="desk")
    response = page.reload()
    assert response is not None and response.status == 200
    assert page.url.endswith(path)  # the URL stays: it is made from the first headline
    expect(page.locator("article.story h1")).to_have_text("Iran dismantles 10 cells after Kerman blasts")
    expect(page.locator("p.provenance")).to_contain_text(HEADLINE_EDITED)
    expect(page.locator("p.provenance")).not_to_contain_text(UNEDITED)

    services.kill(lead, actor="desk", reason="legal")
    response = page.reload()
    assert response is not None and response.status == 410
    expect(page.locator("h1")).to_have_text("Story withdrawn")
    go(page, "/section/middle-east/")
    assert not [link for link in item_links(page, STORY_ITEMS) if link.endswith(path)]
    assert browser_page.foreign_requests() == []


@pytest.fixture
def arabic(lead: Story, ians: Agency, middle_east: Section) -> Story:
    """A right-to-left story, newer than ``lead``."""
    return make_story(
        ians,
        "urn:ians:ar",
        section=middle_east,
        headline="إيران تفكك أكثر من 10 خلايا إرهابية بعد تفجيري كرمان",
        abstract="قتل وأصيب كثيرون في التفجيرين قرب ضريح الجنرال قاسم سليماني في كرمان.",
        body="<p>أعلنت إيران أنها حددت ودمرت أكثر من عشر خلايا إرهابية في الأسابيع الماضية.</p>",
        dateline="طهران:",
        language="ar",
    )


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_screenshots_of_article_and_section(
    lead: Story, arabic: Story, chromium: Browser, live_server: object, viewport: str
) -> None:
    """Saves screenshots for a human to look at, and checks nothing overflows sideways."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    visit = Visit(chromium, str(live_server), viewport=MOBILE if viewport == "mobile" else DESKTOP)
    page = visit.page
    for name, path in [
        ("article", story_path(lead)),
        ("article-rtl", story_path(arabic)),
        ("section", "/section/middle-east/"),
    ]:
        go(page, path)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=SCREENSHOTS / f"{name}-{viewport}.png", full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than the {viewport} viewport"
    expect(page.locator(STORY_ITEMS)).to_have_count(PAGE_SIZE)
    assert visit.foreign_requests() == []


def test_english_parts_of_an_rtl_page_read_left_to_right(arabic: Story, browser_page: Visit) -> None:
    page = browser_page.page
    go(page, story_path(arabic))
    expect(page.locator("article.story")).to_have_attribute("dir", "rtl")
    directions = page.locator('main [lang="en"]').evaluate_all(
        "els => els.map(el => [el.className || el.tagName, getComputedStyle(el).direction])"
    )
    assert len(directions) >= 5
    assert [name for name, direction in directions if direction != "ltr"] == []
