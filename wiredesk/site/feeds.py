"""RSS 2.0 and Atom 1.0 feeds of the site, of each section and of each agency.

``django.contrib.syndication`` ``Feed`` subclasses; ``item_updateddate`` is defined so the
feed carries ``Last-Modified``, and ``urls.py`` wraps each feed in ``condition`` for 304s.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed

from wiredesk.site.links import story_url
from wiredesk.site.meta import author_of, modified_at, published_at, summary_of
from wiredesk.site.queries import FEED_SIZE
from wiredesk.site.scopes import Scope, get_scope
from wiredesk.stories.models import Story


class StoryFeed(Feed):  # type: ignore[type-arg]  # not subscriptable at runtime
    """The newest public stories of a scope; subclasses pick the format."""

    feed_type: type[SyndicationFeed] = Rss201rev2Feed
    kind = "rss"
    item_guid_is_permalink = True

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().__call__(request, *args, **kwargs)
        # Feed sets Last-Modified from the newest item_updateddate (agency time); ``condition``
        # in urls.py sets the one its If-Modified-Since check uses, which also moves when a
        # story with an old agency time arrives or is first published (queries.fingerprint).
        response.headers.pop("Last-Modified", None)
        return response

    def get_object(self, request: HttpRequest, scope: str = "site", slug: str | None = None) -> Scope:
        return get_scope(scope, slug)

    def title(self, obj: Scope) -> str:
        return obj.title

    def description(self, obj: Scope) -> str:
        return obj.description

    def subtitle(self, obj: Scope) -> str:
        return obj.description

    def link(self, obj: Scope) -> str:
        return obj.home_url

    def feed_url(self, obj: Scope) -> str:
        return obj.feed_urls[self.kind]

    def items(self, obj: Scope) -> list[Story]:
        return list(obj.stories[:FEED_SIZE])

    def item_title(self, item: Story) -> str:
        return item.headline

    def item_description(self, item: Story) -> str:
        return summary_of(item)

    def item_link(self, item: Story) -> str:
        return story_url(item)

    def item_guid(self, item: Story) -> str:
        return story_url(item)

    def item_pubdate(self, item: Story) -> datetime:
        return published_at(item)

    def item_updateddate(self, item: Story) -> datetime:
        return modified_at(item)

    def item_author_name(self, item: Story) -> str:
        return author_of(item)

    def item_categories(self, item: Story) -> list[str]:
        return [item.section.name] if item.section is not None else []


class RssFeed(StoryFeed):
    feed_type = Rss201rev2Feed
    kind = "rss"


class AtomFeed(StoryFeed):
    feed_type = Atom1Feed
    kind = "atom"
