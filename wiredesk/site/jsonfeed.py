"""JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) of a scope: a small view."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import condition, require_safe

from wiredesk.site.links import story_url
from wiredesk.site.meta import author_of, iso, language_of, modified_at, published_at, summary_of
from wiredesk.site.queries import FEED_SIZE
from wiredesk.site.scopes import Scope, feed_etag, feed_last_modified, get_scope
from wiredesk.stories.models import Story

VERSION = "https://jsonfeed.org/version/1.1"


def _item(story: Story) -> dict[str, Any]:
    url = story_url(story)
    version = story.current_version
    item: dict[str, Any] = {
        "id": url,
        "url": url,
        "title": story.headline,
        "content_html": version.body_html if version else "",
        "summary": summary_of(story),
        "date_published": iso(published_at(story)),
        "date_modified": iso(modified_at(story)),
        "authors": [{"name": author_of(story)}],
        "language": language_of(story),
    }
    if story.section is not None:
        item["tags"] = [story.section.name]
    return item


def json_feed_document(scope: Scope) -> dict[str, Any]:
    return {
        "version": VERSION,
        "title": scope.title,
        "description": scope.description,
        "home_page_url": scope.home_url,
        "feed_url": scope.feed_urls["json"],
        "language": settings.LANGUAGE_CODE,
        "items": [_item(s) for s in scope.stories[:FEED_SIZE]],
    }


@require_safe
@condition(etag_func=feed_etag, last_modified_func=feed_last_modified)
def json_feed(request: HttpRequest, scope: str = "site", slug: str | None = None) -> HttpResponse:
    document = json_feed_document(get_scope(scope, slug))
    body = json.dumps(document, ensure_ascii=False, indent=1)
    return HttpResponse(body, content_type="application/feed+json; charset=utf-8")
