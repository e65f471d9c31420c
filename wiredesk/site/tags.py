"""Tag pages and their feeds: one per place, person, organisation and topic enrichment found.

``/tag/<kind>/<slug>/`` lists the public stories with the tag, newest first, with Load more
(the site's keyset pagination); ``rss/`` and ``atom/`` under it are its feeds, built on the
site's story feed. The tags themselves are ``wiredesk.enrich``'s: this module reads them
and writes nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.views.decorators.http import require_safe

from wiredesk.enrich.models import Tag
from wiredesk.site.feeds import StoryFeed
from wiredesk.site.links import absolute
from wiredesk.site.queries import listed
from wiredesk.site.scopes import Scope
from wiredesk.site.views import render_list
from wiredesk.stories.models import Story


def get_tag_or_404(kind: str, slug: str) -> Tag:
    if kind not in Tag.Kind.values:
        raise Http404("No such kind of tag.")
    return get_object_or_404(Tag, kind=kind, slug=slug)


def tag_stories(tag: Tag) -> QuerySet[Story]:
    """Public stories with ``tag``, newest first (the site's keyset order)."""
    return listed(enrich_tags__tag=tag)


@require_safe
def tag_page(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    tag = get_tag_or_404(kind, slug)
    canonical = absolute(reverse("site:tag", kwargs={"kind": kind, "slug": tag.slug}))
    return render_list(request, "site/tag.html", tag_stories(tag), {"tag": tag, "canonical": canonical})


def tag_scope(kind: str, slug: str) -> Scope:
    tag = get_tag_or_404(kind, slug)
    site = settings.WIREDESK_SITE_NAME
    args = {"kind": kind, "slug": tag.slug}
    return Scope(
        title=f"{tag.name} – {site}",
        description=f"The latest stories about {tag.name} on {site}.",
        home_url=absolute(reverse("site:tag", kwargs=args)),
        stories=tag_stories(tag),
        feed_urls={k: absolute(reverse(f"site:tag-{k}", kwargs=args)) for k in ("rss", "atom")},
    )


class TagFeed(StoryFeed):
    """The newest public stories with one tag; subclasses pick the format."""

    def get_object(self, request: HttpRequest, kind: str = "", slug: str = "") -> Scope:  # type: ignore[override]
        return tag_scope(kind, slug)


class TagRssFeed(TagFeed):
    feed_type = Rss201rev2Feed
    kind = "rss"


class TagAtomFeed(TagFeed):
    feed_type = Atom1Feed
    kind = "atom"
