"""RSS and Atom feeds of each tag, built on the site's story feed."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from wiredesk.enrich.queries import tag_stories
from wiredesk.enrich.views import get_tag_or_404
from wiredesk.site.feeds import StoryFeed
from wiredesk.site.links import absolute
from wiredesk.site.scopes import Scope


def tag_scope(kind: str, slug: str) -> Scope:
    tag = get_tag_or_404(kind, slug)
    site = settings.WIREDESK_SITE_NAME
    args = {"kind": kind, "slug": tag.slug}
    return Scope(
        title=f"{tag.name} – {site}",
        description=f"The latest stories about {tag.name} on {site}.",
        home_url=absolute(reverse("enrich:tag", kwargs=args)),
        stories=tag_stories(tag),
        feed_urls={k: absolute(reverse(f"enrich:tag-{k}", kwargs=args)) for k in ("rss", "atom")},
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
