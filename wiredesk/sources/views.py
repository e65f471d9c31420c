"""Push in, WebSub callbacks and the health page. Each view parses, calls one service, answers.

Push (``POST /sources/<id>/push/``): the payload is the request body; the source's token
goes in ``Authorization: Bearer …`` (or ``X-Wiredesk-Token``). No token: 401; a wrong
token: 403; a source that is not a push source or is disabled: 404. A taken payload is
archived and stored before the answer: 202 with what happened; one that could not be
read is quarantined: 422 with the reason. A body over ``WIREDESK_MAX_PAYLOAD_BYTES``: 413,
refused before it is all read, and not archived (the sender still holds it and is told).
Every refusal is JSON, ``{"error": "…"}``; no payload makes a 500 (issue #11).
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from wiredesk.sources import polling, schedule, websub
from wiredesk.sources.health import source_health
from wiredesk.sources.models import Source, SourceRun


def _take(source: Source, body: bytes, origin: str) -> HttpResponse:
    """Ingest ``body`` for ``source`` and log it as a run."""
    started, clock = timezone.now(), time.monotonic()
    outcomes = polling.ingest_into(source, [(origin, body)])
    outcome = outcomes[0]
    if outcome.error:
        # A bad delivery is logged and shown, but never pushes a WebSub source's safety-net poll back.
        polling.finish(source, started, clock, schedule.Outcome.FAILED, error=outcome.error, outcomes=outcomes,
                       reschedule=False)  # fmt: skip
        return JsonResponse({"payload": outcome.payload_id, "error": outcome.error}, status=422)
    polling.finish(source, started, clock, polling.outcome_of(outcomes), outcomes=outcomes, reschedule=False)
    return JsonResponse({"payload": outcome.payload_id, "stories": outcome.lines()}, status=202)


def _read_body(request: HttpRequest) -> bytes | None:
    """The request body, or ``None`` when it is over ``WIREDESK_MAX_PAYLOAD_BYTES``.

    Read from the stream, never more than the limit and a byte: ``request.body`` would
    stop at Django's form-data limit (``DATA_UPLOAD_MAX_MEMORY_SIZE``, 2.5 MB) with a 400,
    far below what agencies send.
    """
    limit = settings.WIREDESK_MAX_PAYLOAD_BYTES
    try:
        if int(request.headers.get("Content-Length") or 0) > limit:
            return None
    except ValueError:
        return None
    body = request.read(limit + 1)
    return None if len(body) > limit else body


def _too_large() -> JsonResponse:
    limit = settings.WIREDESK_MAX_PAYLOAD_BYTES
    return JsonResponse({"error": f"The payload is over the limit of {limit} bytes (WIREDESK_MAX_PAYLOAD_BYTES)."},
                        status=413)  # fmt: skip


@csrf_exempt
def push(request: HttpRequest, source_id: int) -> HttpResponse:
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "POST"})
    source = get_object_or_404(Source.objects.select_related("agency", "section"), pk=source_id,
                               kind=Source.Kind.PUSH, enabled=True)  # fmt: skip
    auth = request.headers.get("Authorization", "")
    token = auth[7:].strip() if auth.lower().startswith("bearer ") else request.headers.get("X-Wiredesk-Token", "")
    if not token:
        return JsonResponse({"error": "A push token is required."}, status=401,
                            headers={"WWW-Authenticate": 'Bearer realm="wiredesk push"'})  # fmt: skip
    if not source.check_push_token(token):
        return JsonResponse({"error": "This token is not valid for this source."}, status=403)
    body = _read_body(request)
    if body is None:
        return _too_large()
    return _take(source, body, origin=f"push:{source.pk}")


@csrf_exempt
def websub_callback(request: HttpRequest, source_id: int) -> HttpResponse:
    source = get_object_or_404(Source.objects.select_related("agency", "section"), pk=source_id, enabled=True)
    if request.method == "GET":
        challenge = websub.verify_intent(source, request.GET.dict())
        if challenge is None:
            return HttpResponse("Unknown subscription.", status=404, content_type="text/plain")
        return HttpResponse(challenge, content_type="text/plain")
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    body = _read_body(request)
    if body is None:
        return _too_large()
    # WebSub §7 lets us acknowledge a badly signed delivery with 2xx; we answer 403 so a
    # misconfigured hub shows up in its logs, and store nothing either way.
    if not websub.signature_ok(source.websub_secret, body, request.headers.get("X-Hub-Signature", "")):
        return JsonResponse({"error": "Bad or missing X-Hub-Signature."}, status=403)
    return _take(source, body, origin=source.address or f"websub:{source.pk}")


@staff_member_required
def health(request: HttpRequest) -> HttpResponse:
    asked = request.GET.get("days", "")
    days = min(max(int(asked), 1), 14) if asked.isdigit() else 3
    rows = source_health(days=days)
    recent = SourceRun.objects.select_related("source__agency").order_by("-started")[:30]
    return render(request, "sources/health.html", {"rows": rows, "days": days, "recent": recent,
                                                   "alerts": [r for r in rows if r.alert]})  # fmt: skip
