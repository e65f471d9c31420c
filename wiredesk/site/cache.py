"""Whole-page cache for anonymous readers of the public site, purged by URL.

``cache_page`` wraps a public view. An anonymous ``GET``/``HEAD`` without a query string is
answered from the ``pages`` cache (``CACHES["pages"]``) when it holds the page, else the view
runs and a cacheable answer (200, 301, 410 without cookies) is stored under a key made from
the path alone — so ``purge_paths(["/story/1/x/"])`` deletes exactly that page. Paged and
fragment requests (``?before=``, ``?fragment=1``) are never stored; they still get 304s from
the views' ETags. Logged-in requests bypass the cache and are marked ``private``.

A page can depend on more than its URL: a story page lists its section's newest stories and
shows its agency's box. Such a page names tags (``depends_on(response, "section:3")``); the
entry remembers each tag's token, and ``purge_paths(tags=…)`` gives the tag a new token, so
every page of the section is stale at once without listing them.

Purging happens at once (this process) and again after the transaction commits — a reader
may have cached the old state meanwhile — when the front-cache backend
(``WIREDESK_PURGE_BACKEND``) is told too. A per-process cache (LocMem, the embedded default)
cannot be reached from another process (``wiredesk ingest``, ``wiredesk story kill``), so
every purge also touches ``WIREDESK_HOME/pages.epoch``; a process that sees the file move
clears its own page cache before answering from it.

Does not decide which URLs a change affects: ``wiredesk.site.purge.affected`` does.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import secrets
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache, InvalidCacheBackendError
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models import Min
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe
from django.utils.module_loading import import_string

from wiredesk.site.purge.base import PurgeBackend
from wiredesk.stories.models import Story
from wiredesk.ttl import TTLCache

log = logging.getLogger("wiredesk.site.cache")

PAGES = "pages"
KEY_PREFIX = "wd:page:"
TAG_PREFIX = "wd:tag:"
PAGE_TIMEOUT = 600  # seconds a page may live in the app or front cache without a purge
BROWSER_MAX_AGE = 60  # browsers cannot be purged: keep their copy short
MISSING_MAX_AGE = 30  # a story page that answers 404 now (held) may answer 200 soon
STORED_STATUSES = frozenset({200, 301, 410})
CACHE_HEADER = "X-Wiredesk-Cache"  # hit | miss: for tests, benchmarks and curious people

View = Callable[..., HttpResponseBase]


def page_key(path: str) -> str:
    return KEY_PREFIX + hashlib.sha256(path.encode()).hexdigest()


def section_tag(section_id: int | None) -> str:
    return f"section:{section_id or 'none'}"


def agency_tag(agency_id: int) -> str:
    return f"agency:{agency_id}"


def page_cache() -> BaseCache | None:
    """The ``pages`` cache, or ``None`` when caching is off (no such alias, or DummyCache)."""
    try:
        cache = caches[PAGES]
    except InvalidCacheBackendError:
        return None
    return None if type(cache).__name__ == "DummyCache" else cache


class _Epoch:
    """A file whose modification time moves on every purge, in any process.

    Only per-process caches need it. A process never marks its own touch as seen, so a
    purge also clears its own cache on the next lookup: coarse, but never stale.
    """

    def __init__(self) -> None:
        self.seen: dict[Path, int] = {}

    @staticmethod
    def path() -> Path:
        return Path(settings.WIREDESK_HOME) / "pages.epoch"

    def touch(self) -> None:
        try:
            self.path().touch()
        except OSError as exc:
            log.warning("cannot touch %s: %s", self.path(), exc)

    def check(self, cache: BaseCache) -> None:
        path = self.path()
        try:
            mtime = os.stat(path).st_mtime_ns
        except OSError:
            mtime = 0
        seen = self.seen.setdefault(path, mtime)  # a new process starts with an empty cache
        if mtime != seen:
            cache.clear()
            self.seen[path] = mtime


_epoch = _Epoch()


def _is_local(cache: BaseCache) -> bool:
    return isinstance(cache, LocMemCache)


def depends_on[R: HttpResponseBase](response: R, *tags: str) -> R:
    """Mark ``response`` stale whenever one of ``tags`` is purged; returns the response."""
    response._wiredesk_tags = tags  # type: ignore[attr-defined]
    return response


def _is_reader(request: HttpRequest) -> bool:
    """Anonymous: no session cookie (no query needed), or a session without a user."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


LIFT_RECHECK = 5.0


def _load_next_lift() -> datetime | None:
    """When the next published, unkilled story's embargo ends, read from the database now."""
    upcoming = Story.objects.filter(status=Story.Status.PUBLISHED, agency_killed=False,
                                    embargoed_until__gt=timezone.now())  # fmt: skip
    lift: datetime | None = upcoming.aggregate(at=Min("embargoed_until"))["at"]
    return lift


#: The next embargo lift, looked up at most every ``LIFT_RECHECK`` seconds per process (and after each purge).
_next_lift = TTLCache(_load_next_lift, ttl=LIFT_RECHECK)


def _next_embargo_in() -> float | None:
    """Seconds until the next embargoed story publishes by itself (no event purges then)."""
    now = timezone.now()
    lift = _next_lift.get()
    return None if lift is None or lift <= now else (lift - now).total_seconds()


def _page_timeout() -> int:
    lift = _next_embargo_in()
    return max(1, min(PAGE_TIMEOUT, int(lift) + 1)) if lift is not None else PAGE_TIMEOUT


def _mark_public(response: HttpResponseBase, front_seconds: int) -> None:
    max_age = BROWSER_MAX_AGE if response.status_code != 404 else MISSING_MAX_AGE
    patch_cache_control(response, public=True, max_age=min(max_age, front_seconds))
    # nginx keeps the page longer than browsers do (it gets purged); it never forwards this header.
    response["X-Accel-Expires"] = str(front_seconds)


def _storable(response: HttpResponseBase) -> bool:
    control = response.get("Cache-Control", "")
    return (
        response.status_code in STORED_STATUSES
        and not response.streaming
        and not response.cookies
        and "private" not in control
        and "no-store" not in control
    )


def _tokens(cache: BaseCache, tags: Iterable[str]) -> dict[str, str]:
    """The current token of each tag, creating the missing ones."""
    keys = [TAG_PREFIX + t for t in tags]
    found = cache.get_many(keys)
    missing = {k: secrets.token_hex(8) for k in keys if k not in found}
    if missing:
        cache.set_many(missing, timeout=None)
    return {**found, **missing}


def _store(cache: BaseCache, key: str, response: HttpResponseBase, timeout: int) -> None:
    tags = getattr(response, "_wiredesk_tags", ())
    entry = {
        "status": response.status_code,
        "headers": [(k, v) for k, v in response.items() if k not in ("X-Accel-Expires", CACHE_HEADER)],
        "content": response.content,  # type: ignore[attr-defined]
        "tokens": _tokens(cache, tags) if tags else {},
        "expires": time.time() + timeout,
    }
    cache.set(key, entry, timeout=timeout)


def _replay(request: HttpRequest, cache: BaseCache, entry: dict[str, Any]) -> HttpResponseBase | None:
    """The stored page as a response (or a 304); ``None`` when a tag moved since."""
    tokens: dict[str, str] = entry["tokens"]
    if tokens and cache.get_many(list(tokens)) != tokens:
        return None
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    response["X-Accel-Expires"] = str(max(1, int(entry["expires"] - time.time())))
    response[CACHE_HEADER] = "hit"
    if response.status_code != 200:
        return response
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    etag = response.get("ETag")
    answer = get_conditional_response(request, etag=etag, last_modified=last_modified, response=response) or response
    answer[CACHE_HEADER] = "hit"
    return answer


def cache_page(view: View) -> View:
    """Serve ``view`` from the page cache to anonymous readers; see the module docstring."""

    @functools.wraps(view)
    def cached_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not _is_reader(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True)
            return response
        cache = page_cache()
        key = page_key(request.path)
        wanted = request.method in ("GET", "HEAD") and not request.META.get("QUERY_STRING") and cache is not None
        if wanted and cache is not None:
            if _is_local(cache):
                _epoch.check(cache)
            entry = cache.get(key)
            if entry is not None:
                replayed = _replay(request, cache, entry)
                if replayed is not None:
                    return replayed
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            response.render()  # sitemaps answer a lazy TemplateResponse
        if response.status_code in STORED_STATUSES | {304, 404} and not response.cookies:
            timeout = _page_timeout()
            _mark_public(response, timeout if response.status_code != 404 else MISSING_MAX_AGE)
            if wanted and cache is not None and _storable(response):
                _store(cache, key, response, timeout)
                response[CACHE_HEADER] = "miss"
        return response

    return cached_view


def purge_backend() -> PurgeBackend | None:
    """The configured front-cache backend (``WIREDESK_PURGE_BACKEND``), or ``None``."""
    dotted = getattr(settings, "WIREDESK_PURGE_BACKEND", "")
    if not dotted:
        return None
    backend_class = import_string(dotted)
    return backend_class(purge_url=getattr(settings, "WIREDESK_PURGE_URL", ""))  # type: ignore[no-any-return]


def _drop(paths: list[str], tags: list[str]) -> None:
    _next_lift.clear()
    cache = page_cache()
    if cache is None:
        return
    cache.delete_many([page_key(p) for p in paths])
    if tags:
        cache.set_many({TAG_PREFIX + t: secrets.token_hex(8) for t in tags}, timeout=None)
    if _is_local(cache):
        _epoch.touch()


def _after_commit(paths: list[str], tags: list[str]) -> None:
    _drop(paths, tags)
    backend = purge_backend()
    if backend is not None and paths:
        base = settings.WIREDESK_BASE_URL
        try:
            backend.purge([base + p for p in paths])
        except Exception:  # noqa: BLE001 - a broken CDN must not undo a stored change
            log.exception("front-cache purge failed for %d URLs", len(paths))


def purge_paths(paths: Iterable[str], tags: Iterable[str] = ()) -> None:
    """Forget the pages at ``paths`` (site paths) and every page tagged with ``tags``.

    At once in this process, and again after the current transaction commits (then the
    front cache too). Outside a transaction both happen now.
    """
    path_list, tag_list = sorted(set(paths)), sorted(set(tags))
    _drop(path_list, tag_list)
    transaction.on_commit(functools.partial(_after_commit, path_list, tag_list))


def clear_pages() -> None:
    """Forget every cached page (settings that change every page, tests)."""
    cache = page_cache()
    if cache is not None:
        cache.clear()
