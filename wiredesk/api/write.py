"""Write endpoints: push a wire payload, and the desk's actions on a story.

A push is taken by ``wiredesk.sources.receive`` — the same code as ``/sources/<id>/push/``
— so it goes through ``wiredesk.ingest.pipeline.Pipeline`` exactly like a file given to
``wiredesk ingest``; desk actions call ``wiredesk.stories.services`` only, with the
caller's username as the actor. Every write needs the editor role (``http.endpoint``);
a source token may push, and only for its own agency.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse

from wiredesk.api.auth import Caller
from wiredesk.api.errors import ApiError
from wiredesk.api.http import endpoint, json_body, query_flag, query_slug, text
from wiredesk.api.queries import story_to_change
from wiredesk.api.read import item
from wiredesk.exceptions import WiredeskError
from wiredesk.ingest.pipeline import PayloadOutcome, Pipeline
from wiredesk.sources.receive import PushRefused, receive
from wiredesk.stories import services
from wiredesk.stories.models import Agency, Section

MAX_REASON = 2000
ACTIONS = {
    "publish": services.publish,
    "hold": services.hold,
    "kill": services.kill,
    "restore": services.restore,
}


def outcome_json(outcome: PayloadOutcome) -> dict[str, Any]:
    """A payload's outcome as the API reports it (the same facts as ``wiredesk ingest`` prints)."""
    return {
        "origin": outcome.origin,
        "payload_id": outcome.payload_id,
        "format": outcome.format,
        "stories": [
            {
                "action": s.action.value,
                "agency_id": s.agency_id,
                "agency": s.agency,
                "headline": s.headline,
                "reason": s.reason,
                "story_id": s.story_id,
            }  # fmt: skip
            for s in outcome.stories
        ],
        "skipped": [{"position": s.position, "reason": s.reason} for s in outcome.skipped],
    }


def _slug_of(model: type[Agency] | type[Section], slug: str | None, code: str) -> Any:
    if not slug:
        return None
    found = model.objects.filter(slug=slug).first()
    if found is None:
        raise ApiError(code, f"No {model._meta.model_name} '{slug}'.")
    return found


@endpoint("POST", role="editor", source_tokens=True)
def ingest(request: HttpRequest, caller: Caller) -> JsonResponse:
    """``POST /api/ingest/``: one wire payload in any supported format; 422 if it cannot be read.

    The body is taken by ``sources.receive.receive``: 413 past ``WIREDESK_MAX_PAYLOAD_BYTES``
    (refused before it is all read, not archived: the sender still holds it and is told),
    400 when empty. Whatever the payload holds, the answer is JSON: the pipeline quarantines
    what it cannot store rather than raise (issue #11).
    """
    agency = _slug_of(Agency, query_slug(request, "agency"), "unknown_agency")
    section = _slug_of(Section, query_slug(request, "section"), "unknown_section")
    if caller.token is not None and caller.token.agency is not None:
        if agency is not None and agency.pk != caller.token.agency_id:
            raise ApiError("token_scope", f"This token pushes for '{caller.token.agency.slug}' only.")
        agency = caller.token.agency
    hold = query_flag(request, "hold")
    origin = f"api:{caller.actor}" + (f" ({caller.token.name})" if caller.token is not None else "")
    try:
        outcome = receive(request, Pipeline(agency=agency, section=section, hold=hold), origin=origin)
    except PushRefused as exc:
        raise ApiError(exc.code, exc.message) from exc
    if outcome.quarantined:
        code = "payload_too_large" if outcome.too_large else "unreadable_payload"
        raise ApiError(code, outcome.error, payload_id=outcome.payload_id)
    return JsonResponse(outcome_json(outcome))


@endpoint("POST", role="editor")
def action(request: HttpRequest, caller: Caller, pk: int, verb: str) -> JsonResponse:
    """``POST /api/stories/<pk>/publish|hold|kill|restore`` with an optional ``{"reason": …}``."""
    body = json_body(request)
    reason = text(body.get("reason", ""), "reason", max_length=MAX_REASON)
    story = story_to_change(pk)
    ACTIONS[verb](story, actor=caller.actor, reason=reason)
    return JsonResponse(item(story))


@endpoint("POST", role="editor")
def headline(request: HttpRequest, caller: Caller, pk: int) -> JsonResponse:
    """``POST /api/stories/<pk>/headline`` with ``{"headline": …}``; ``""`` clears the override."""
    body = json_body(request)
    if "headline" not in body:
        raise ApiError("invalid_body", 'Send {"headline": "…"}, or {"headline": ""} to clear the override.')
    value = text(body["headline"], "headline", max_length=500)
    story = story_to_change(pk)
    try:
        services.set_headline(story, value, actor=caller.actor)
    except WiredeskError as exc:
        raise ApiError("invalid_body", str(exc)) from exc
    return JsonResponse(item(story))


@endpoint("POST", role="editor")
def section(request: HttpRequest, caller: Caller, pk: int) -> JsonResponse:
    """``POST /api/stories/<pk>/section`` with ``{"section": "slug"}``, or ``null`` for none."""
    body = json_body(request)
    if "section" not in body:
        raise ApiError("invalid_body", 'Send {"section": "slug"}, or {"section": null} for no section.')
    slug = body["section"]
    if slug is not None:
        slug = text(slug, "section", max_length=60)
        if not slug:
            raise ApiError("invalid_body", "A section slug cannot be empty; send null for no section.")
    story = story_to_change(pk)
    target = _slug_of(Section, slug, "unknown_section") if slug is not None else None
    services.set_section(story, target, actor=caller.actor)
    return JsonResponse(item(story))
