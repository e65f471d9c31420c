"""Read endpoints: stories and their versions as ninjs 3.1.

Anonymous callers read public stories; editors read everything (``queries``). Each view
parses its parameters, asks ``queries`` and answers with ``wiredesk.stories.ninjs`` objects.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, JsonResponse

from wiredesk.api.auth import Caller
from wiredesk.api.errors import ApiError
from wiredesk.api.http import endpoint, query, query_flag, query_int, query_slug, query_time
from wiredesk.api.queries import STATUSES, Cursor, page_after, stories_for, story_for
from wiredesk.stories.models import Story
from wiredesk.stories.ninjs import prefetch, story_object, story_uri, version_object

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


def item(story: Story, *, all_versions: bool = False) -> dict[str, Any]:
    """``story`` as ninjs, plus its API id in ``altIds`` (role ``id``) to call the other endpoints with."""
    obj = story_object(story, all_versions=all_versions)
    obj["altIds"] = [*obj.get("altIds", []), {"role": "id", "value": str(story.pk)}]
    return obj


@endpoint("GET")
def stories(request: HttpRequest, caller: Caller) -> JsonResponse:
    """``GET /api/stories/``: a page of stories, newest change first, and the next page's URL."""
    status = query(request, "status")
    if status is not None and status not in STATUSES:
        raise ApiError("invalid_parameter", f"'status' must be one of {', '.join(STATUSES)}.")
    if status not in (None, "published"):
        caller.require_editor()
    after = query(request, "after")
    cursor = Cursor.parse(after) if after is not None else None
    limit = query_int(request, "limit", default=DEFAULT_LIMIT, low=1, high=MAX_LIMIT)
    selected = stories_for(
        editor=caller.editor,
        status=status,
        agency=query_slug(request, "agency"),
        section=query_slug(request, "section"),
        since=query_time(request, "since"),
        q=query(request, "q"),
    )
    page = page_after(prefetch(selected), cursor, limit)  # a fixed number of queries per page
    next_url = None
    if page.next_cursor is not None:
        params = {k: v for k, v in request.GET.items() if k != "after"}
        next_url = request.build_absolute_uri(f"{request.path}?{urlencode({**params, 'after': str(page.next_cursor)})}")
    return JsonResponse({"items": [item(s) for s in page.items], "next": next_url})


@endpoint("GET")
def story(request: HttpRequest, caller: Caller, pk: int) -> JsonResponse:
    """``GET /api/stories/<pk>/``: one story; ``?all_versions=1`` attaches every agency version."""
    all_versions = query_flag(request, "all_versions")
    found = story_for(pk, editor=caller.editor)
    return JsonResponse(item(found, all_versions=all_versions))


@endpoint("GET")
def versions(request: HttpRequest, caller: Caller, pk: int) -> JsonResponse:
    """``GET /api/stories/<pk>/versions/``: every stored agency version, oldest first."""
    found = story_for(pk, editor=caller.editor)
    uri = story_uri(found)
    items = [
        version_object(v, uri=f"{uri}:v{n}") for n, v in enumerate(found.versions.order_by("received", "id"), start=1)
    ]
    return JsonResponse({"items": items})
