"""The queue (``/desk/``), its self-refreshing rows, and the desk-wide audit log."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from wiredesk.desk.access import editor_required
from wiredesk.desk.queue import Cursor, QueueFilters, log_page, queue
from wiredesk.stories.models import Agency, Section, Story, StoryEvent


def _next_href(request: HttpRequest, cursor: Cursor | None) -> str:
    if cursor is None:
        return ""
    query = request.GET.copy()
    query["before"] = str(cursor)
    return f"?{query.urlencode()}"


@require_safe
@editor_required
def queue_page(request: HttpRequest) -> HttpResponse:
    filters = QueueFilters.from_query(request.GET)
    cursor = Cursor.parse(request.GET.get("before"))
    page = queue(filters, cursor)
    rows_query = request.GET.copy()
    rows_query.pop("before", None)
    context = {
        "filters": filters,
        "page": page,
        "paged": cursor is not None,
        "next_href": _next_href(request, page.next_cursor),
        "rows_query": rows_query.urlencode(),
        "agencies": Agency.objects.all(),
        "sections": Section.objects.all(),
        "statuses": Story.Status.choices,
    }
    return render(request, "desk/queue.html", context)


@require_safe
@editor_required
def queue_rows(request: HttpRequest) -> HttpResponse:
    """The first page's rows only: what the queue's script fetches every few seconds."""
    page = queue(QueueFilters.from_query(request.GET))
    response = render(request, "desk/_queue_rows.html", {"page": page})
    response["Cache-Control"] = "no-store"
    return response


@require_safe
@editor_required
def log(request: HttpRequest) -> HttpResponse:
    actor = request.GET.get("actor", "").strip()
    action = request.GET.get("action", "").strip()
    events, next_cursor = log_page(actor=actor, action=action, cursor=Cursor.parse(request.GET.get("before")))
    context = {
        "events": events,
        "actor": actor,
        "action": action,
        "actions": StoryEvent.objects.order_by("action").values_list("action", flat=True).distinct(),
        "next_href": _next_href(request, next_cursor),
    }
    return render(request, "desk/log.html", context)
