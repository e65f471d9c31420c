"""The whole-page cache and its purges (``wiredesk/site/cache.py``, ``purge/``, signal handlers).

Cache hits are asserted through the cache's contents and the ``X-Wiredesk-Cache`` header,
never through timing.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import include, path

from wiredesk.site.cache import CACHE_HEADER, clear_pages, page_cache, page_key
from wiredesk.site.links import story_path
from wiredesk.site.purge.affected import purge_for_stories
from wiredesk.site.purge.dummy import DummyBackend
from wiredesk.site.purge.nginx import REFRESH_HEADER, NginxBackend
from wiredesk.site.tests.factories import make_story
from wiredesk.stories import after, services
from wiredesk.stories.models import Agency, Section, Story

# Only the public site: the test does not depend on the desk's or the API's URLconfs.
urlpatterns = [path("", include("wiredesk.site.urls"))]

Commit = Callable[..., Any]


@pytest.fixture(autouse=True)
def page_cache_settings(settings: Any, tmp_path: Path) -> Iterator[None]:
    settings.ROOT_URLCONF = __name__
    settings.WIREDESK_HOME = tmp_path  # the cross-process epoch file, private to this test
    settings.WIREDESK_PURGE_BACKEND = "wiredesk.site.purge.dummy.DummyBackend"
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-pages"},
    }
    DummyBackend.purged.clear()
    clear_pages()
    yield
    clear_pages()


@pytest.fixture
def story(ians: Agency, middle_east: Section) -> Story:
    # filed by the agency just now: the news sitemap lists the last two days' stories only
    filed = datetime.now(UTC).isoformat()
    return make_story(ians, "urn:ians:1", headline="Harbour reopens", section=middle_east, versionCreated=filed)


def cached(url: str) -> bool:
    cache = page_cache()
    assert cache is not None
    return cache.get(page_key(url)) is not None


def test_second_anonymous_get_is_served_from_the_cache(client: Client, story: Story) -> None:
    url = story_path(story)
    first = client.get(url)
    assert first.status_code == 200 and first[CACHE_HEADER] == "miss"
    assert cached(url)
    second = client.get(url)
    assert second[CACHE_HEADER] == "hit"
    assert second.content == first.content and second["ETag"] == first["ETag"]
    assert "public" in second["Cache-Control"] and int(second["X-Accel-Expires"]) > 0


def test_a_cached_page_still_answers_304(client: Client, story: Story) -> None:
    url = story_path(story)
    etag = client.get(url)["ETag"]
    again = client.get(url, headers={"if-none-match": etag})
    assert again.status_code == 304 and again[CACHE_HEADER] == "hit"


def test_paged_requests_and_logged_in_editors_are_not_cached(client: Client, story: Story) -> None:
    assert CACHE_HEADER not in client.get("/?before=2024-01-01T00:00:00Z_1")
    assert not cached("/")
    editor = Client()
    editor.force_login(User.objects.create_user("editor", password="x"))  # noqa: S106
    response = editor.get(story_path(story))
    assert response.status_code == 200 and "private" in response["Cache-Control"]
    assert not cached(story_path(story))


def test_a_response_setting_a_cookie_is_not_stored(client: Client, story: Story) -> None:
    from wiredesk.site.cache import cache_page

    def view(request: Any) -> Any:
        from django.http import HttpResponse

        response = HttpResponse("hello")
        response.set_cookie("tracking", "1")
        return response

    from django.test import RequestFactory

    cache_page(view)(RequestFactory().get("/cookie/"))
    assert not cached("/cookie/")


def test_a_kill_purges_the_story_its_lists_and_feeds_at_once(
    client: Client, story: Story, middle_east: Section, django_capture_on_commit_callbacks: Commit
) -> None:
    url = story_path(story)
    lists = ["/", "/section/middle-east/", "/agency/ians/", "/feeds/rss/", "/section/middle-east/feed.json",
             "/agency/ians/atom/", "/sitemap.xml", "/news-sitemap.xml"]  # fmt: skip
    for page in [url, *lists]:
        assert b"Harbour reopens" in client.get(page).content or page == "/sitemap.xml", page
        assert cached(page), page
    with django_capture_on_commit_callbacks(execute=True):
        services.kill(story, actor="desk", reason="legal")
    gone = client.get(url)
    assert gone.status_code == 410 and gone[CACHE_HEADER] == "miss"
    for page in lists:
        response = client.get(page)
        assert b"Harbour reopens" not in response.content and url.encode() not in response.content, page
    purged = set(DummyBackend.purged)
    assert {f"https://news.example{p}" for p in [url, *lists]} <= purged


def test_a_kill_makes_the_neighbours_pages_stale(
    client: Client, ians: Agency, middle_east: Section, story: Story, django_capture_on_commit_callbacks: Commit
) -> None:
    other = make_story(ians, "urn:ians:2", headline="Ferry resumes", section=middle_east)
    other_url = story_path(other)
    assert b"Harbour reopens" in client.get(other_url).content  # in the related list
    assert client.get(other_url)[CACHE_HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        services.kill(story, actor="desk")
    response = client.get(other_url)
    assert response[CACHE_HEADER] == "miss" and b"Harbour reopens" not in response.content
    # The front cache is told about the neighbour's URL too: it only knows URLs.
    assert f"https://news.example{other_url}" in DummyBackend.purged


def test_a_headline_override_purges_the_page_and_lists(
    client: Client, story: Story, django_capture_on_commit_callbacks: Commit
) -> None:
    url = story_path(story)
    client.get(url), client.get("/section/middle-east/"), client.get("/feeds/atom/")
    with django_capture_on_commit_callbacks(execute=True):
        services.set_headline(story, "Port of Bandar Abbas reopens", actor="desk")
    for page in (url, "/section/middle-east/", "/feeds/atom/"):
        assert b"Port of Bandar Abbas reopens" in client.get(page).content, page
    assert f"https://news.example{url}" in DummyBackend.purged


def test_bulk_ingest_purges_through_the_after_commit_steps(client: Client, ians: Agency, story: Story) -> None:
    url = story_path(story)
    client.get(url)
    assert cached(url)
    # The pipeline writes with bulk inserts and executemany: no post_save, so it runs the
    # after-commit steps itself once the batch is stored.
    make_story(ians, "urn:ians:1", headline="Harbour reopens after storm", version="2")
    assert not cached(url)
    assert b"Harbour reopens after storm" in client.get(url).content
    client.get(url)
    assert cached(url)
    after.run(after.Changes.of([story.pk]))
    assert not cached(url)


def test_purge_for_stories_names_every_affected_page(story: Story) -> None:
    paths = purge_for_stories([story.pk])
    assert set(paths) >= {
        story_path(story), "/", "/feeds/rss/", "/feeds/atom/", "/feeds/json/", "/sitemap.xml", "/news-sitemap.xml",
        "/section/middle-east/", "/section/middle-east/rss/", "/section/middle-east/atom/",
        "/section/middle-east/feed.json", "/agency/ians/", "/agency/ians/rss/", "/agency/ians/atom/",
        "/agency/ians/feed.json",
    }  # fmt: skip


def test_a_created_story_purges_the_lists_it_joins_but_not_its_own_page(
    ians: Agency, middle_east: Section, story: Story
) -> None:
    held = make_story(ians, "urn:ians:2", headline="Talks resume", section=middle_east, hold=True)
    paths = purge_for_stories([story.pk, held.pk], created=[story.pk, held.pk])
    assert story_path(story) not in paths and story_path(held) not in paths  # nobody could have cached them
    assert {"/", "/section/middle-east/", "/agency/ians/", "/agency/ians/rss/"} <= set(paths)
    site_wide = ["/", "/feeds/atom/", "/feeds/json/", "/feeds/rss/", "/news-sitemap.xml", "/sitemap.xml"]
    assert purge_for_stories([held.pk], created=[held.pk]) == site_wide  # a held story joins no list


def test_ingest_tells_the_purge_which_stories_it_created(
    client: Client, ians: Agency, story: Story, settings: Any, django_capture_on_commit_callbacks: Commit
) -> None:
    listing = "/agency/ians/"
    client.get(listing)
    assert cached(listing)
    DummyBackend.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):  # the front cache is purged on commit
        fresh = make_story(ians, "urn:ians:3", headline="Storm warning lifted")
    assert not cached(listing)  # the list the new story joined
    purged = {url.removeprefix(settings.WIREDESK_BASE_URL) for url in DummyBackend.purged}
    assert listing in purged and story_path(fresh) not in purged


def test_a_story_moved_by_the_desk_leaves_its_old_sections_lists(
    client: Client, story: Story, middle_east: Section, django_capture_on_commit_callbacks: Commit
) -> None:
    world = services.add_section("world", "World")
    for page in ("/section/middle-east/", "/section/middle-east/rss/", "/section/world/"):
        client.get(page)
        assert cached(page), page
    with django_capture_on_commit_callbacks(execute=True):
        services.set_section(story, world, actor="desk")
    assert b"Harbour reopens" not in client.get("/section/middle-east/").content
    assert b"Harbour reopens" in client.get("/section/world/").content
    assert "https://news.example/section/middle-east/rss/" in DummyBackend.purged


def test_section_and_agency_changes_purge_their_pages(client: Client, story: Story, middle_east: Section) -> None:
    client.get("/"), client.get(story_path(story))
    services.add_section("middle-east", "West Asia")
    assert not cached("/")
    assert client.get(story_path(story))[CACHE_HEADER] == "miss"  # the section's tag moved
    client.get("/agency/ians/")
    services.add_agency("ians", "IANS", about="A private Indian news agency.")
    assert not cached("/agency/ians/")


def test_a_purge_in_another_process_clears_this_process_cache(client: Client, story: Story, settings: Any) -> None:
    url = story_path(story)
    client.get(url)
    assert client.get(url)[CACHE_HEADER] == "hit"
    epoch = Path(settings.WIREDESK_HOME) / "pages.epoch"
    epoch.touch()
    os.utime(epoch, ns=(1, 1))  # what `wiredesk story kill` in another process leaves behind
    assert client.get(url)[CACHE_HEADER] == "miss"


def test_the_nginx_backend_refreshes_each_url_with_the_bypass_header() -> None:
    seen: list[tuple[str, str | None, str | None]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            seen.append((self.path, self.headers.get("Host"), self.headers.get(REFRESH_HEADER)))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        backend = NginxBackend(purge_url=f"http://127.0.0.1:{server.server_port}")
        backend.purge(["https://news.example/", "https://news.example/story/1/harbour/"])
    finally:
        server.shutdown()
        server.server_close()
    assert sorted(seen) == [("/", "news.example", "1"), ("/story/1/harbour/", "news.example", "1")]


def test_the_nginx_backend_needs_an_address() -> None:
    with pytest.raises(ValueError, match="WIREDESK_PURGE_URL"):
        NginxBackend()
