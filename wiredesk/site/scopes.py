"""What a feed covers: the whole site, one section or one agency.

Shared by the RSS/Atom feeds (``feeds.py``) and the JSON Feed (``jsonfeed.py``), so the
three formats always list the same stories with the same titles.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse

from wiredesk.site.links import absolute
from wiredesk.site.queries import FEED_SIZE, agency_stories, fingerprint, listed, section_stories
from wiredesk.stories.models import Agency, Section, Story


@dataclass(frozen=True, slots=True)
class Scope:
    title: str
    description: str
    home_url: str
    stories: QuerySet[Story]
    feed_urls: dict[str, str]  # "rss" | "atom" | "json" → absolute URL


def _urls(prefix: str, **kwargs: str) -> dict[str, str]:
    return {kind: absolute(reverse(f"site:{prefix}-{kind}", kwargs=kwargs or None)) for kind in ("rss", "atom", "json")}


def get_scope(name: str, slug: str | None = None) -> Scope:
    """The scope ``name`` (``site``, ``section``, ``agency``) of ``slug``; 404 when unknown."""
    site = settings.WIREDESK_SITE_NAME
    if name == "section":
        section = get_object_or_404(Section, slug=slug)
        return Scope(
            title=f"{section.name} – {site}",
            description=f"The latest {section.name} stories on {site}.",
            home_url=absolute(reverse("site:section", kwargs={"slug": section.slug})),
            stories=section_stories(section),
            feed_urls=_urls("section", slug=section.slug),
        )
    if name == "agency":
        agency = get_object_or_404(Agency, slug=slug)
        return Scope(
            title=f"{agency.name} – {site}",
            description=f"The latest stories of {agency.name} on {site}.",
            home_url=absolute(reverse("site:agency", kwargs={"slug": agency.slug})),
            stories=agency_stories(agency),
            feed_urls=_urls("agency", slug=agency.slug),
        )
    return Scope(
        title=site,
        description=f"The latest stories on {site}.",
        home_url=absolute("/"),
        stories=listed(),
        feed_urls=_urls("site"),
    )


def _validators(request: HttpRequest, scope: str, slug: str | None = None) -> tuple[str, datetime | None]:
    if not hasattr(request, "_wiredesk_feed_validators"):
        stories = get_scope(scope, slug).stories
        request._wiredesk_feed_validators = fingerprint(stories, FEED_SIZE, request.path)  # type: ignore[attr-defined]
    return request._wiredesk_feed_validators  # type: ignore[attr-defined,no-any-return]


def feed_etag(request: HttpRequest, scope: str, slug: str | None = None) -> str:
    return _validators(request, scope, slug)[0]


def feed_last_modified(request: HttpRequest, scope: str, slug: str | None = None) -> datetime | None:
    return _validators(request, scope, slug)[1]
