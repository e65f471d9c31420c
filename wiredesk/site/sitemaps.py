"""``/sitemap.xml`` (django.contrib.sitemaps) and ``/news-sitemap.xml`` (Google News).

Both list only public stories and give absolute URLs on ``WIREDESK_BASE_URL``, whatever
host the crawler asked.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from wiredesk.site.links import story_path
from wiredesk.site.meta import iso, language_of, modified_at, published_at
from wiredesk.site.queries import listed
from wiredesk.stories.models import Agency, Section, Story

NEWS_WINDOW = timedelta(days=2)
NEWS_MAX_URLS = 1000  # Google News sitemaps hold at most 1,000 URLs


class _OnBaseUrl(Sitemap):  # type: ignore[type-arg]  # not subscriptable at runtime
    """URLs on the configured public address, not on the request's host."""

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.WIREDESK_BASE_URL).scheme or "https"

    def get_domain(self, site: Any = None) -> str:
        parts = urlsplit(settings.WIREDESK_BASE_URL)
        return parts.netloc + parts.path


class HomeSitemap(_OnBaseUrl):
    changefreq = "always"

    def items(self) -> list[str]:
        return ["/"]

    def location(self, item: str) -> str:
        return item


class StorySitemap(_OnBaseUrl):
    limit = 5000

    def items(self) -> QuerySet[Story]:
        return listed().select_related(None).only("pk", "last_modified", "first_published")

    def location(self, item: Story) -> str:
        return story_path(item)

    def lastmod(self, item: Story) -> datetime:
        return modified_at(item)


class SectionSitemap(_OnBaseUrl):
    def items(self) -> QuerySet[Section]:
        return Section.objects.filter(stories__in=listed().values("pk")).distinct().order_by("position", "pk")

    def location(self, item: Section) -> str:
        return reverse("site:section", kwargs={"slug": item.slug})


class AgencySitemap(_OnBaseUrl):
    def items(self) -> QuerySet[Agency]:
        return Agency.objects.order_by("pk")

    def location(self, item: Agency) -> str:
        return reverse("site:agency", kwargs={"slug": item.slug})


SITEMAPS: dict[str, type[Sitemap[Any]]] = {
    "home": HomeSitemap,
    "sections": SectionSitemap,
    "agencies": AgencySitemap,
    "stories": StorySitemap,
}


def news_language(tag: str) -> str:
    """The ISO 639 code Google News expects (``zh-cn``/``zh-tw`` for Chinese)."""
    tag = tag.lower()
    if tag.startswith("zh"):
        return "zh-tw" if any(part in tag for part in ("tw", "hk", "hant")) else "zh-cn"
    return tag.split("-")[0]


def news_stories(now: datetime | None = None) -> QuerySet[Story]:
    """Public stories published in the last two days, newest first.

    Google News sitemaps: "Only include URLs for articles that were created in the last 2
    days". Published is ``meta.published_at``, the agency's time, as everywhere else.
    """
    since = (now or timezone.now()) - NEWS_WINDOW
    return listed(first_published__gte=since)[:NEWS_MAX_URLS]


@require_safe
def news_sitemap(request: HttpRequest) -> HttpResponse:
    base = _OnBaseUrl()
    prefix = f"{base.get_protocol()}://{base.get_domain()}"
    entries = [
        {
            "loc": prefix + story_path(story),
            # <news:publication_date>: W3C format, the time the page and its JSON-LD show
            "published": iso(published_at(story)),
            "language": news_language(language_of(story)),
            "title": story.headline,
        }
        for story in news_stories()
    ]
    context = {"entries": entries, "publication": settings.WIREDESK_SITE_NAME}
    return render(request, "site/news-sitemap.xml", context, content_type="application/xml; charset=utf-8")
