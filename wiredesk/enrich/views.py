"""Tag pages: one per place, person, organisation and topic, with Load more and feeds."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_safe

from wiredesk.enrich.models import Tag
from wiredesk.enrich.queries import tag_stories
from wiredesk.site.links import absolute
from wiredesk.site.views import render_list


def get_tag_or_404(kind: str, slug: str) -> Tag:
    if kind not in Tag.Kind.values:
        raise Http404("No such kind of tag.")
    return get_object_or_404(Tag, kind=kind, slug=slug)


@require_safe
def tag_page(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    tag = get_tag_or_404(kind, slug)
    canonical = absolute(reverse("enrich:tag", kwargs={"kind": kind, "slug": tag.slug}))
    return render_list(request, "enrich/tag.html", tag_stories(tag), {"tag": tag, "canonical": canonical})
