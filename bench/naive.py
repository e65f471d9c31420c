"""A deliberately naive Django view of the article page, for ``bench/pages.py`` only.

What a first version of the page typically looks like: the same template and context, but
the ORM is asked per request and per row (no ``select_related``, no annotations: every
related story fetches its section, agency, version and first headline on its own), no
ETag, no page cache. Never mounted by the product: ``bench.urls_naive`` mounts it.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from wiredesk.site.article import article_context
from wiredesk.site.queries import Page
from wiredesk.stories.models import Story


def story(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    found = Story.objects.filter(pk=pk).first()
    if found is None or not Story.objects.public().filter(pk=pk).exists():
        raise Http404("No such story.")
    related = Story.objects.public().filter(section=found.section_id, first_published__isnull=False)
    items = list(related.exclude(pk=pk).order_by("-first_published", "-pk")[:20])
    context = {**article_context(found), "page": Page(items=items, next_cursor=None), "more_href": "", "paged": False}
    return render(request, "site/story.html", context)
