"""Public list pages: home, section, agency, search; and robots.txt.

Each view parses the request, asks ``queries``/``search`` for its stories and renders.
Lists page with a keyset cursor (``?before=``); ``&fragment=1`` answers only the list items
and the next "Load more" link, which the page's small script appends in place.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from wiredesk.site.links import absolute
from wiredesk.site.queries import Cursor, Page, agency_stories, home_groups, page_after, section_stories
from wiredesk.site.search import search_stories, snippets
from wiredesk.stories.models import Agency, Section, Story


def more_href(request: HttpRequest, cursor: Cursor | None) -> str:
    """The plain link to the next page: this URL with ``before`` set and no ``fragment``."""
    if cursor is None:
        return ""
    query = request.GET.copy()
    query.pop("fragment", None)
    query["before"] = str(cursor)
    return f"{request.path}?{query.urlencode()}"


def paged(request: HttpRequest, queryset: QuerySet[Story]) -> tuple[Page, dict[str, Any]]:
    """The page of ``queryset`` the request asks for, and the context its list needs."""
    cursor = Cursor.parse(request.GET.get("before"))
    page = page_after(queryset, cursor)
    return page, {"page": page, "more_href": more_href(request, page.next_cursor), "paged": cursor is not None}


def is_fragment(request: HttpRequest) -> bool:
    return request.GET.get("fragment") == "1"


def render_list(
    request: HttpRequest, template: str, queryset: QuerySet[Story], context: dict[str, Any]
) -> HttpResponse:
    _, list_context = paged(request, queryset)
    if is_fragment(request):
        return render(request, "site/_story_page.html", list_context)
    return render(request, template, {**context, **list_context})


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "site/home.html", {"groups": home_groups(), "canonical": absolute("/")})


@require_safe
def section(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Section, slug=slug)
    canonical = absolute(reverse("site:section", kwargs={"slug": slug}))
    return render_list(request, "site/section.html", section_stories(found), {"section": found, "canonical": canonical})


@require_safe
def agency(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Agency, slug=slug)
    canonical = absolute(reverse("site:agency", kwargs={"slug": slug}))
    return render_list(request, "site/agency.html", agency_stories(found), {"agency": found, "canonical": canonical})


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    page, list_context = paged(request, search_stories(q))
    snippets(page.items, q)
    if is_fragment(request):
        return render(request, "site/_story_page.html", list_context)
    return render(request, "site/search.html", {"q": q, **list_context})


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Allow: /",
        "",
        f"Sitemap: {absolute(reverse('site:sitemap'))}",
        f"Sitemap: {absolute(reverse('site:news-sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
