"""Old WordPress URLs as lookup keys: one normal form for what the export says and what readers ask.

A key is the URL's path, percent-decoded, case-folded, without trailing slashes, plus the
WordPress query variables that name a post or page (``p``, ``page_id``), so ``/?p=123``,
``/?p=123&utm_source=x`` and ``/index.php?p=123`` are one key. ``slug_key`` is the key of a
post's slug alone, for WordPress's own last resort (it redirects any unknown path whose last
segment is a post's slug). Stored as a SHA-256 so that the unique index stays small whatever
the path's length. Pure.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Final
from urllib.parse import parse_qsl, unquote, urlsplit

QUERY_VARS: Final = ("p", "page_id")
_INDEX_FILES: Final = ("/index.php",)
# the last segments WordPress adds to a post's URL: its feed, an AMP view, a page of a paged post
_SUFFIXES: Final = frozenset({"feed", "amp", "embed", "trackback"})


def normal_path(path: str, query: Mapping[str, str] | None = None) -> str:
    """The normal form of ``path`` (decoded, case-folded, no trailing slash) and its post query."""
    path = unquote(path).casefold()
    while "//" in path:
        path = path.replace("//", "/")
    path = path.rstrip("/") or "/"
    for index in _INDEX_FILES:
        if path.endswith(index):
            path = path[: -len(index)] or "/"
    found = [f"{name}={query[name].strip()}" for name in QUERY_VARS if query and query.get(name, "").strip()]
    return path + ("?" + "&".join(found) if found else "")


def url_path(url: str) -> str:
    """The normal form of an absolute or relative URL's path and post query."""
    parts = urlsplit(url.strip())
    return normal_path(parts.path or "/", dict(parse_qsl(parts.query)))


def key(normal: str) -> str:
    """The stored key of a normal path."""
    return hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()


def slug_key(slug: str) -> str:
    """The key of a post slug, looked up when no path matches."""
    return key("slug:" + unquote(slug).casefold().strip("/"))


def fallbacks(normal: str) -> list[str]:
    """Normal paths to try after ``normal`` itself: without a feed/AMP/page suffix."""
    if "?" in normal or normal == "/":
        return []
    head, _, last = normal.rpartition("/")
    return [head or "/"] if last in _SUFFIXES or last.isdigit() else []


def last_segment(normal: str) -> str:
    """The path's last segment (``…/floating-library`` → ``floating-library``)."""
    return normal.partition("?")[0].rstrip("/").rpartition("/")[2]
