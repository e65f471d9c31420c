"""The API's OpenAPI 3.1 document (``GET /api/openapi.json``), written by hand to stay exact.

``tests/test_openapi.py`` runs schemathesis against this document and the live views, so a
view and its description cannot drift apart silently. ninjs objects are described loosely
(an object with ``uri``, ``headlines``, …); the normative schema is IPTC's ninjs 3.1, which
the tests validate the output against.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from wiredesk.api.errors import CODES, error_response
from wiredesk.api.http import SLUG_REGEX
from wiredesk.api.queries import CURSOR_REGEX, STATUSES
from wiredesk.api.read import MAX_LIMIT
from wiredesk.api.write import ACTIONS, MAX_REASON

SLUG = {"type": "string", "pattern": SLUG_REGEX, "maxLength": 60}
NO_NUL = "^[^\\u0000]*$"  # PostgreSQL text cannot hold NUL; such strings are refused with 400
NINJS_EXAMPLE = {
    "uri": "urn:example:story:1",
    "type": "text",
    "version": "1",
    "versionCreated": "2024-01-22T11:08:00Z",
    "headlines": [{"role": "main", "value": "Harbour reopens after storm"}],
    "bodies": [{"role": "main", "contentType": "text/html", "value": "<p>OSTHAVEN: The harbour reopened.</p>"}],
}
READ_SECURITY: list[dict[str, list[str]]] = [{}, {"bearerAuth": []}, {"sessionAuth": []}]
WRITE_SECURITY: list[dict[str, list[str]]] = [{"bearerAuth": []}, {"sessionAuth": []}]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*statuses: int) -> dict[str, Any]:
    words = {400: "Bad parameter or body", 401: "No credentials, or a token that does not work",
             403: "The caller's role (or token scope, or CSRF) does not allow this",
             404: "No such story (or agency, section); readers get 404 for stories not public",
             409: "The agency's licence forbids it: the agency killed the story, and only a newer agency "
                  "version brings it back",
             410: "The story was killed (readers only)", 413: "The payload is over WIREDESK_MAX_PAYLOAD_BYTES",
             422: "The payload could not be read; it was archived and quarantined"}  # fmt: skip
    return {str(s): _json(_ref("Error"), words[s]) for s in statuses}


def _param(
    name: str, where: str, schema: dict[str, Any], description: str, *, required: bool = False
) -> dict[str, Any]:
    return {"name": name, "in": where, "required": required, "schema": schema, "description": description}


STORY_ID = _param(
    "id",
    "path",
    {"type": "integer", "minimum": 1},
    "The story id: `altIds[role=id]` of its ninjs object, `story_id` of an ingest outcome",
    required=True,
)


def _story_op(summary: str, body: dict[str, Any] | None, *, body_required: bool) -> dict[str, Any]:
    op: dict[str, Any] = {
        "summary": summary,
        "tags": ["desk"],
        "security": WRITE_SECURITY,
        "parameters": [STORY_ID],
        "responses": {
            "200": _json(_ref("NinjsItem"), "The story after the action"),
            **_errors(400, 401, 403, 404, 409, 413),
        },
    }
    if body is not None:
        op["requestBody"] = {"required": body_required, "content": {"application/json": {"schema": body}}}
    return op


def _paths() -> dict[str, Any]:
    paths: dict[str, Any] = {
        "/api/openapi.json": {
            "get": {
                "summary": "This document",
                "tags": ["meta"],
                "security": [{}],
                "responses": {"200": _json({"type": "object"}, "The OpenAPI 3.1 document")},
            }
        },
        "/api/stories/": {
            "get": {
                "summary": "Stories as ninjs 3.1, newest change first, keyset-paginated",
                "description": "Anonymous callers and users without a desk role see public stories only "
                "(published, embargo over). `status` other than `published` needs the editor role; "
                "for editors `published` includes embargoed stories. Follow `next` for the next page.",
                "tags": ["read"],
                "security": READ_SECURITY,
                "parameters": [
                    _param("agency", "query", SLUG, "Only stories of this agency (slug)"),
                    _param("section", "query", SLUG, "Only stories in this section (slug)"),
                    _param("status", "query", {"type": "string", "enum": list(STATUSES)}, "Desk status filter"),
                    _param(
                        "since",
                        "query",
                        {"type": "string", "format": "date-time"},
                        "Only stories whose last_modified is at or after this time (ISO 8601; UTC if no offset)",
                    ),
                    _param(
                        "q",
                        "query",
                        {"type": "string", "maxLength": 200, "pattern": NO_NUL},
                        "Words that must all occur in the headline, abstract or body",
                    ),
                    _param(
                        "after",
                        "query",
                        {"type": "string", "pattern": CURSOR_REGEX},
                        "The cursor of the page to continue after (taken from `next`)",
                    ),
                    _param(
                        "limit",
                        "query",
                        {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": 20},
                        "Stories per page",
                    ),
                ],
                "responses": {"200": _json(_ref("StoryPage"), "A page of stories"), **_errors(400, 401, 403)},
            }
        },
        "/api/stories/{id}/": {
            "get": {
                "summary": "One story as ninjs 3.1",
                "tags": ["read"],
                "security": READ_SECURITY,
                "parameters": [
                    STORY_ID,
                    _param(
                        "all_versions",
                        "query",
                        {"type": "boolean", "default": False},
                        "Attach every stored agency version as an association (rel `version`)",
                    ),
                ],
                "responses": {"200": _json(_ref("NinjsItem"), "The story"), **_errors(400, 401, 404, 410)},
            }
        },
        "/api/stories/{id}/versions/": {
            "get": {
                "summary": "Every stored agency version of a story, oldest first, as ninjs 3.1",
                "tags": ["read"],
                "security": READ_SECURITY,
                "parameters": [STORY_ID],
                "responses": {"200": _json(_ref("VersionList"), "The versions"), **_errors(401, 404, 410)},
            }
        },
        "/api/stories/{id}/headline": {
            "post": _story_op(
                "Override the headline readers see, or clear the override with an empty string",
                _ref("HeadlineBody"),
                body_required=True,
            )
        },
        "/api/stories/{id}/section": {
            "post": _story_op(
                "Put the story in a section (slug), or in none (null)", _ref("SectionBody"), body_required=True
            )
        },
        "/api/ingest/": {
            "post": {
                "summary": "Push one wire payload (NITF, NewsML-G2, ninjs, RSS, Atom, JSON Feed)",
                "description": "The body is the payload as the agency sent it; its format is detected from the bytes, "
                "not from Content-Type. It goes through the same pipeline as `wiredesk ingest`: archived, "
                "parsed, decided, stored. Sending the same payload twice changes nothing. A source token "
                "(bound to an agency) pushes for its agency only.",
                "tags": ["write"],
                "security": WRITE_SECURITY,
                "parameters": [
                    _param("agency", "query", SLUG, "Attribute every story to this agency (slug)"),
                    _param("section", "query", SLUG, "Put new stories in this section (slug)"),
                    _param("hold", "query", {"type": "boolean", "default": False}, "Hold new stories for the desk"),
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/xml": {"schema": {"type": "string"}},
                        "application/json": {"schema": {"type": "object"}, "example": NINJS_EXAMPLE},
                        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
                    },
                },
                "responses": {
                    "200": _json(_ref("PayloadOutcome"), "What happened to each story of the payload"),
                    **_errors(400, 401, 403, 404, 413, 422),
                },
            }
        },
    }
    for verb in ACTIONS:
        paths[f"/api/stories/{{id}}/{verb}"] = {
            "post": _story_op(
                f"{verb.capitalize()} the story (a desk action, recorded with the caller as actor)",
                _ref("ReasonBody"),
                body_required=False,
            )
        }
    return paths


def _schemas() -> dict[str, Any]:
    text_of_role = {
        "type": "object",
        "required": ["value"],
        "properties": {"role": {"type": "string"}, "value": {"type": "string"}},
    }
    # ninjs 3.1 places/people/organisations/subjects items, loosely: IPTC's schema is normative
    words = {name: {"type": "string"} for name in ("name", "literal", "rel", "creator")}
    concept = {"type": "object", "properties": {**words, "uri": {"type": "string", "format": "uri"}}}
    concepts = {"type": "array", "items": concept}
    return {
        "Error": {
            "type": "object",
            "required": ["error"],
            "additionalProperties": False,
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["code", "message"],
                    "properties": {
                        "code": {"type": "string", "enum": sorted(CODES)},
                        "message": {"type": "string"},
                        "payload_id": {"type": ["integer", "null"]},
                    },
                }
            },
        },
        "NinjsItem": {
            "type": "object",
            "required": ["uri", "type"],
            "description": "An IPTC ninjs 3.1 object (https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json). "
            "`pubStatus` is the desk status (usable = published, withheld = held, canceled = killed); "
            "`altIds` name the agency's id (role `agency`) and the agency slug (role `agency-slug`); "
            "a desk headline is `headlines[role=main]`, the agency's beside it with role `agency`. "
            "`firstCreated` is the story's first version's. `places`, `people`, `organisations` and `subjects` "
            "add what enrichment found to what the agency sent: Media Topics by their IPTC URI, other tags by "
            "their page on the site, a place's country (ISO 3166-1 alpha-2) in its `contactInfo` address; "
            "entries enrichment added carry `creator` `wiredesk:enrich` where ninjs allows it (subjects).",
            "properties": {
                "uri": {"type": "string"},
                "type": {"type": "string"},
                "version": {"type": "string"},
                "pubStatus": {"type": "string", "enum": ["usable", "withheld", "canceled"]},
                "firstCreated": {"type": "string"},
                "versionCreated": {"type": "string"},
                "embargoedUntil": {"type": "string"},
                "language": {"type": "string"},
                "headlines": {"type": "array", "items": text_of_role},
                "descriptions": {"type": "array", "items": text_of_role},
                "bodies": {"type": "array", "items": {"type": "object"}},
                "altIds": {"type": "array", "items": text_of_role},
                "associations": {"type": "array", "items": {"type": "object"}},
                **{name: concepts for name in ("places", "people", "organisations", "subjects")},
            },
        },
        "StoryPage": {
            "type": "object",
            "required": ["items", "next"],
            "additionalProperties": False,
            "properties": {
                "items": {"type": "array", "items": _ref("NinjsItem")},
                "next": {
                    "type": ["string", "null"],
                    "format": "uri",
                    "description": "URL of the next page; null on the last one",
                },
            },
        },
        "VersionList": {
            "type": "object",
            "required": ["items"],
            "additionalProperties": False,
            "properties": {"items": {"type": "array", "items": _ref("NinjsItem")}},
        },
        "PayloadOutcome": {
            "type": "object",
            "required": ["origin", "payload_id", "format", "stories", "skipped"],
            "additionalProperties": False,
            "properties": {
                "origin": {"type": "string"},
                "payload_id": {"type": ["integer", "null"]},
                "format": {"type": "string"},
                "stories": {"type": "array", "items": _ref("StoryOutcome")},
                "skipped": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["position", "reason"],
                        "additionalProperties": False,
                        "properties": {"position": {"type": "integer"}, "reason": {"type": "string"}},
                    },
                },
            },
        },
        "StoryOutcome": {
            "type": "object",
            "additionalProperties": False,
            "required": ["action", "agency_id", "agency", "headline", "reason", "story_id"],
            "properties": {
                "action": {
                    "type": "string",
                    "enum": ["new", "updated", "unchanged", "stale", "killed", "embargoed", "quarantined"],
                },
                "agency_id": {"type": "string"},
                "agency": {"type": "string"},
                "headline": {"type": "string"},
                "reason": {"type": "string"},
                "story_id": {"type": ["integer", "null"]},
            },
        },
        "ReasonBody": {
            "type": "object",
            "properties": {
                "reason": {
                    "type": "string",
                    "maxLength": MAX_REASON,
                    "pattern": NO_NUL,
                    "description": "Why (kept in the audit log)",
                }
            },
        },
        "HeadlineBody": {
            "type": "object",
            "required": ["headline"],
            "properties": {
                "headline": {
                    "type": "string",
                    "maxLength": 500,
                    "pattern": NO_NUL,
                    "description": "The desk headline; an empty string clears the override",
                }
            },
        },
        "SectionBody": {
            "type": "object",
            "required": ["section"],
            "properties": {
                "section": {"oneOf": [SLUG, {"type": "null"}], "description": "A section slug, or null for none"}
            },
        },
    }


@cache
def build() -> dict[str, Any]:
    """The OpenAPI 3.1 document of the API."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Wiredesk API",
            "version": "1",
            "description": "Stories and their versions as IPTC ninjs 3.1; wire push; the desk's actions. "
            'Errors are JSON: {"error": {"code": …, "message": …}}. Authenticate with '
            "`Authorization: Bearer <key>` (`wiredesk token add USERNAME --name NAME`); a logged-in "
            "session works too (writes then need the X-CSRFToken header). Reading public stories "
            "needs no credentials; everything else needs the editor or admin role.",
        },
        "paths": _paths(),
        "components": {
            "schemas": _schemas(),
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer", "description": "An API token"},
                "sessionAuth": {
                    "type": "apiKey",
                    "in": "cookie",
                    "name": "sessionid",
                    "description": "Django's session cookie (the desk login)",
                },
            },
        },
    }


@csrf_exempt  # answers only GET; exempt so a stray POST gets JSON 405, not the HTML CSRF page
def document(request: HttpRequest) -> JsonResponse:
    """``GET /api/openapi.json``."""
    if request.method not in ("GET", "HEAD"):
        return error_response("method_not_allowed", "Use GET here.", headers={"Allow": "GET, HEAD"})
    return JsonResponse(build())


@csrf_exempt  # a JSON 404 for every method, never the HTML CSRF page
def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """Any other URL under /api/."""
    return error_response("not_found", f"No API endpoint at {request.path}; see /api/openapi.json.")
