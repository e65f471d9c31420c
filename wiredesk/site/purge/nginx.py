"""Purge an nginx ``proxy_cache`` (open-source nginx, no purge module).

Open-source nginx cannot delete a cache entry on request. ``deploy/nginx/wiredesk.conf``
instead honours ``proxy_cache_bypass $wiredesk_refresh``: a GET from 127.0.0.1 carrying the
header ``X-Wiredesk-Refresh: 1`` skips the cached copy, goes to the app and stores the fresh
answer (including a 404 or 410) over the old one. That is what this backend sends, to
``WIREDESK_PURGE_URL`` (the nginx listener, e.g. ``http://127.0.0.1:80``) with the public
``Host`` of ``WIREDESK_BASE_URL``.

Does not retry and never raises: an unreachable nginx is logged; its entries still expire
after their ``X-Accel-Expires`` time.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

import httpx

from wiredesk.site.purge.base import PurgeBackend

log = logging.getLogger("wiredesk.site.purge")

REFRESH_HEADER = "X-Wiredesk-Refresh"


class NginxBackend(PurgeBackend):
    """Refresh each URL in nginx's cache by a bypassing GET from localhost."""

    def __init__(self, *, purge_url: str = "", timeout: float = 10.0, **options: Any) -> None:
        super().__init__(**options)
        if not purge_url:
            raise ValueError("NginxBackend needs WIREDESK_PURGE_URL (the nginx listener).")
        self.purge_url = purge_url.rstrip("/")
        self.timeout = timeout

    def _refresh(self, client: httpx.Client, url: str) -> None:
        parts = urlsplit(url)
        target = self.purge_url + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            # Accept-Encoding: identity so nginx stores the app's plain answer; gzip happens on the way out.
            headers = {"Host": parts.netloc, REFRESH_HEADER: "1", "Accept-Encoding": "identity"}
            client.get(target, headers=headers)
        except httpx.HTTPError as exc:
            log.warning("could not refresh %s in nginx at %s: %s", url, self.purge_url, exc)

    def purge(self, urls: list[str]) -> None:
        if not urls:
            return
        with httpx.Client(timeout=self.timeout, follow_redirects=False) as client:
            with ThreadPoolExecutor(max_workers=min(8, len(urls))) as pool:
                list(pool.map(lambda url: self._refresh(client, url), urls))
