"""The API's errors: one exception, one JSON shape ``{"error": {"code", "message", …}}``.

Views raise ``ApiError``; ``http.endpoint`` turns it into the response. The codes are part
of the API (listed in the OpenAPI document); messages are for people and may change.
"""

from __future__ import annotations

from typing import Any

from django.http import JsonResponse

from wiredesk.exceptions import WiredeskError

# code → HTTP status; the OpenAPI document lists these.
CODES = {
    "invalid_parameter": 400,
    "invalid_json": 400,
    "invalid_body": 400,
    "authentication_required": 401,
    "invalid_token": 401,
    "forbidden": 403,
    "csrf_failed": 403,
    "token_scope": 403,
    "not_found": 404,
    "unknown_agency": 404,
    "unknown_section": 404,
    "method_not_allowed": 405,
    "licence_refused": 409,
    "gone": 410,
    "payload_too_large": 413,
    "unreadable_payload": 422,
}


class ApiError(WiredeskError):
    """An answer other than success; ``extra`` keys go into the error object beside code and message."""

    def __init__(self, code: str, message: str, *, headers: dict[str, str] | None = None, **extra: Any) -> None:
        super().__init__(message)
        self.code = code
        self.status = CODES[code]
        self.message = message
        self.headers = headers or {}
        self.extra = extra

    def response(self) -> JsonResponse:
        return error_response(self.code, self.message, headers=self.headers, **self.extra)


def error_response(code: str, message: str, *, headers: dict[str, str] | None = None, **extra: Any) -> JsonResponse:
    response = JsonResponse({"error": {"code": code, "message": message, **extra}}, status=CODES[code])
    for name, value in (headers or {}).items():
        response[name] = value
    return response
