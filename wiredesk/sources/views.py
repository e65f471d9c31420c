"""Push in, WebSub callbacks and the health page. Each view parses, calls one service, answers.

Push (``POST /sources/<id>/push/``): the payload is the request body; the source's token
goes in ``Authorization: Bearer …`` (or ``X-Wiredesk-Token``). No token: 401; a wrong
token: 403; a source that is not a push source or is disabled: 404. What follows is
``receive.receive``, shared with ``POST /api/ingest/``: a taken payload is archived and
stored before the answer, 202 with what happened; one that could not be read is
quarantined, 422 with the reason; a body over ``WIREDESK_MAX_PAYLOAD_BYTES`` is 413,
refused before it is all read, and not archived (the sender still holds it and is told);
an empty body is 400. Every refusal is JSON, ``{"error": "…"}``; no payload makes a 500
(issue #11). WebSub deliveries are answered the same way, once their signature is checked.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt

from wiredesk.sources import polling, websub
from wiredesk.sources.health import source_health
from wiredesk.sources.models import Source, SourceRun
from wiredesk.sources.receive import PushRefused, receive

BAD_SIGNATURE = "Bad or missing X-Hub-Signature."


def _receive(
    request: HttpRequest, source: Source, origin: str, check: Callable[[bytes], None] | None = None
) -> HttpResponse:
    """Take the pushed payload for ``source`` (``receive``) and answer in the sources' JSON."""
    try:
        outcome = receive(request, polling.pipeline_of(source), origin=origin, source=source, check=check)
    except PushRefused as exc:
        return JsonResponse({"error": exc.message}, status=exc.status)
    if outcome.error:
        return JsonResponse({"payload": outcome.payload_id, "error": outcome.error}, status=422)
    return JsonResponse({"payload": outcome.payload_id, "stories": outcome.lines()}, status=202)


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
    return _receive(request, source, origin=f"push:{source.pk}")


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
    return _receive(request, source, origin=source.address or f"websub:{source.pk}",
                    check=_signed_by(source, request.headers.get("X-Hub-Signature", "")))  # fmt: skip


def _signed_by(source: Source, header: str) -> Callable[[bytes], None]:
    """A ``receive`` check: the body must carry the HMAC of the source's WebSub secret."""

    def check(body: bytes) -> None:
        # WebSub §7 lets us acknowledge a badly signed delivery with 2xx; we answer 403 so a
        # misconfigured hub shows up in its logs, and store nothing either way.
        if not websub.signature_ok(source.websub_secret, body, header):
            raise PushRefused(403, "forbidden", BAD_SIGNATURE)

    return check


@staff_member_required
def health(request: HttpRequest) -> HttpResponse:
    asked = request.GET.get("days", "")
    days = min(max(int(asked), 1), 14) if asked.isdigit() else 3
    rows = source_health(days=days)
    recent = SourceRun.objects.select_related("source__agency").order_by("-started")[:30]
    return render(request, "sources/health.html", {"rows": rows, "days": days, "recent": recent,
                                                   "alerts": [r for r in rows if r.alert]})  # fmt: skip
