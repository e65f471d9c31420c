"""The article page: every element of the reference page, from one story and its version.

Answers 404 for a story readers may not see yet (held, embargoed), 410 Gone for a killed
one, a permanent redirect for a wrong slug, and 304 to a conditional GET that still matches.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.views.decorators.http import condition, require_safe

from wiredesk.site import meta
from wiredesk.site.cache import agency_tag, depends_on, section_tag
from wiredesk.site.links import share_links, story_path, story_slug, story_url
from wiredesk.site.queries import Cursor, article_fingerprint, is_public, reader_story, related_stories, withdrawn_by
from wiredesk.site.views import is_fragment, paged
from wiredesk.stories.models import Story
from wiredesk.text import plain_text


def _validators(request: HttpRequest, pk: int, slug: str) -> tuple[str, datetime] | None:
    """Computed once per request, for both the ETag and the Last-Modified function."""
    cached: tuple[str, datetime] | None
    if not hasattr(request, "_wiredesk_validators"):
        cursor = Cursor.parse(request.GET.get("before"))
        cached = article_fingerprint(pk, cursor, slug, request.GET.get("fragment", ""))
        request._wiredesk_validators = cached  # type: ignore[attr-defined]
    return request._wiredesk_validators  # type: ignore[attr-defined,no-any-return]


def _etag(request: HttpRequest, pk: int, slug: str) -> str | None:
    found = _validators(request, pk, slug)
    return found[0] if found else None


def _last_modified(request: HttpRequest, pk: int, slug: str) -> datetime | None:
    found = _validators(request, pk, slug)
    return found[1] if found else None


def _body_starts_with(body_html: str, dateline: str) -> bool:
    """Whether the agency already put the dateline at the start of the body."""
    text = plain_text(body_html).casefold()
    return bool(dateline) and text.startswith(dateline.strip().rstrip(":").casefold())


def article_context(story: Story) -> dict[str, Any]:
    version = story.current_version
    assert version is not None  # noqa: S101 - public() requires a current version
    url = story_url(story)
    language = meta.language_of(story)
    return {
        "story": story,
        "version": version,
        "headline": story.headline,
        "canonical": url,
        "description": meta.summary_of(story),
        "shares": share_links(url, story.headline),
        "lang": language,
        "dir": meta.direction_of(language),
        "show_dateline": bool(version.dateline) and not _body_starts_with(version.body_html, version.dateline),
        "provenance": meta.provenance(story),
        "published_iso": meta.iso(meta.published_at(story)),
        "published_text": meta.reader_time(meta.published_at(story)),
        "modified_iso": meta.iso(meta.modified_at(story)),
        "modified_text": meta.reader_time(meta.modified_at(story)),
        "json_ld": meta.json_ld(meta.news_article(story)),
    }


@require_safe
@condition(etag_func=_etag, last_modified_func=_last_modified)
def story(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    found = reader_story(pk)
    if found is None:
        raise Http404("No such story.")
    if found.is_killed:
        context = {"by": withdrawn_by(found)}
        return render(request, "site/gone.html", context, status=410)
    if not is_public(found):
        raise Http404("This story is not public.")
    if slug != story_slug(found):
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(story_path(found) + (f"?{query}" if query else ""))
    page, list_context = paged(request, related_stories(found))
    if is_fragment(request):
        return render(request, "site/_story_page.html", list_context)
    response = render(request, "site/story.html", {**article_context(found), **list_context})
    # The page shows its section's newest stories and its agency's box: stale when they change.
    return depends_on(response, section_tag(found.section_id), agency_tag(found.agency_id))
