"""Answer old WordPress URLs with a permanent redirect to where their story lives now.

Out of the way of every other URL: it looks only at requests that would otherwise answer
404, and at the one WordPress URL that lands on an existing page, the home page with a post
query (``/?p=123``, ``/?page_id=7``). One indexed query (``OldPath.key``) for the path, the
path without a feed/AMP/page suffix, and — WordPress's own last resort — the post whose slug
is the path's last segment. A killed story keeps its redirect: its page answers 410 Gone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse

from wiredesk.site.links import story_path
from wiredesk.wordpress import paths
from wiredesk.wordpress.models import OldPath

# Wiredesk's own machinery: a 404 there is an answer, not an old link.
_NOT_GUESSED: Final = ("/api/", "/desk/", "/admin/", "/static/", "/sources/", "/story/")
_HOME: Final = ("/", "/index.php")


def find_target(path: str, query: dict[str, str]) -> str | None:
    """The new URL path of an old WordPress path and query, or ``None``."""
    normal = paths.normal_path(path, query)
    keys = [paths.key(n) for n in (normal, *paths.fallbacks(normal))]
    segment = paths.last_segment(normal)
    if segment and "?" not in normal and not path.startswith(_NOT_GUESSED):
        keys.append(paths.slug_key(segment))
    found = {row.key: row for row in OldPath.objects.filter(key__in=keys).select_related("story", "section")}
    for key in keys:
        row = found.get(key)
        if row is not None and row.story is not None:
            return story_path(row.story)
        if row is not None and row.section is not None:
            return reverse("site:section", kwargs={"slug": row.section.slug})
    return None


class OldPermalinkMiddleware:
    """301 from an old permalink to the new story (or section) URL; see the module docstring."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in ("GET", "HEAD") and request.path_info in _HOME and request.GET:
            if any(request.GET.get(name) for name in paths.QUERY_VARS):
                target = find_target(request.path_info, request.GET.dict())
                if target:
                    return HttpResponsePermanentRedirect(target)
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            target = find_target(request.path_info, request.GET.dict())
            if target and target != request.path_info:
                return HttpResponsePermanentRedirect(target)
        return response
