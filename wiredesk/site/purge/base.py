"""The interface every front-cache/CDN purge backend implements.

A backend only forwards: it is told which absolute URLs changed, after the change is
committed, and asks its cache to drop (or refresh) them. It does not compute which URLs a
change affects (``wiredesk.site.purge.affected`` does) and does not touch Django's cache.
"""

from __future__ import annotations

from typing import Any


class PurgeBackend:
    """Base class: subclass and implement ``purge``. Options come from the settings."""

    def __init__(self, **options: Any) -> None:
        self.options = options

    def purge(self, urls: list[str]) -> None:
        """Drop ``urls`` (absolute, on ``WIREDESK_BASE_URL``) from the front cache.

        Must not raise for an unreachable cache: log and go on, the change is already stored.
        """
        raise NotImplementedError
