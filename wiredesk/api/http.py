"""The plumbing every API view shares: methods, authentication, CSRF, JSON in and out.

``endpoint`` wraps a view ``view(request, caller, **kwargs)``: it answers 405 for other
methods, authenticates the caller (``auth.authenticate``), checks CSRF for writes made with
a session cookie (token requests carry no ambient credential, so they need no CSRF token),
enforces the role, and turns ``ApiError`` into the JSON error response.

Does not know any business rule; views call services and querysets for those.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from functools import wraps
from typing import Any, Literal

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.views.decorators.csrf import csrf_exempt

from wiredesk.api.auth import authenticate
from wiredesk.api.errors import ApiError
from wiredesk.stories.licence import LicenceError

View = Callable[..., HttpResponse]
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})
SLUG_REGEX = "^[-a-zA-Z0-9_]+$"  # Django's SlugField, ASCII
SLUG_PATTERN = re.compile(r"[-a-zA-Z0-9_]+")
FORM_TYPES = frozenset({"multipart/form-data", "application/x-www-form-urlencoded"})


class _CsrfCheck(CsrfViewMiddleware):
    """Django's own CSRF check, run on demand (the views are exempt from the middleware)."""

    def _reject(self, request: HttpRequest, reason: str) -> HttpResponse:
        return ApiError("csrf_failed", f"CSRF check failed: {reason}").response()


def _check_csrf(request: HttpRequest) -> None:
    check = _CsrfCheck(lambda request: HttpResponse())
    check.process_request(request)
    rejected = check.process_view(request, lambda request: HttpResponse(), (), {})
    if rejected is not None:
        raise ApiError("csrf_failed", "CSRF check failed: a session-authenticated write needs the X-CSRFToken header.")


def endpoint(
    *methods: str, role: Literal["editor"] | None = None, source_tokens: bool = False
) -> Callable[[View], View]:
    """Make ``view`` an API endpoint answering ``methods`` (GET implies HEAD).

    ``role="editor"`` lets only editors and admins in; ``source_tokens`` admits tokens bound
    to an agency, which are refused everywhere else.
    """
    allowed = set(methods) | ({"HEAD"} if "GET" in methods else set())

    def decorate(view: View) -> View:
        @csrf_exempt
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                if request.method not in allowed:
                    raise ApiError("method_not_allowed", f"Use {' or '.join(sorted(methods))} here.",
                                   headers={"Allow": ", ".join(sorted(allowed))})  # fmt: skip
                caller = authenticate(request)
                if caller.via == "session" and request.method not in SAFE_METHODS:
                    _check_csrf(request)
                if caller.source_token and not source_tokens:
                    raise ApiError("token_scope", "A source token may only push wire payloads (POST /api/ingest/).")
                if role == "editor":
                    caller.require_editor()
                return view(request, caller, *args, **kwargs)
            except ApiError as exc:
                return exc.response()
            except LicenceError as exc:
                # the agency's licence forbids it (e.g. restoring a story the agency killed)
                return ApiError("licence_refused", str(exc)).response()

        return wrapper

    return decorate


def json_body(request: HttpRequest) -> dict[str, Any]:
    """The request's JSON object; an empty body (or empty form) is ``{}``. 400 for anything else."""
    if request.content_type in FORM_TYPES:
        # Clients (and Django's test client) send an empty form for a bodiless POST; the
        # CSRF check may already have parsed it, so the raw body is gone: look at the form.
        if request.POST or request.FILES:
            raise ApiError("invalid_body", "Send the body as JSON (Content-Type: application/json).")
        return {}
    try:
        raw = request.body
    except RequestDataTooBig as exc:
        raise ApiError("payload_too_large", "The body is too large.") from exc
    if not raw.strip():
        return {}
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError("invalid_json", f"The body is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise ApiError("invalid_body", "The body must be a JSON object.")
    return data


def text(value: Any, name: str, *, max_length: int, where: str = "body") -> str:
    """``value`` as a string a database can store; 400 otherwise."""
    code = "invalid_body" if where == "body" else "invalid_parameter"
    if not isinstance(value, str):
        raise ApiError(code, f"'{name}' must be a string.")
    if "\x00" in value:  # PostgreSQL text cannot hold NUL
        raise ApiError(code, f"'{name}' contains a NUL character.")
    if len(value) > max_length:
        raise ApiError(code, f"'{name}' can have at most {max_length} characters.")
    return value


def query(request: HttpRequest, name: str, *, max_length: int = 200) -> str | None:
    """The query parameter ``name`` (``None`` when absent)."""
    value = request.GET.get(name)
    return None if value is None else text(value, name, max_length=max_length, where="query")


def query_slug(request: HttpRequest, name: str) -> str | None:
    """The query parameter ``name`` as a slug (``None`` when absent); 400 when it cannot be one."""
    value = query(request, name, max_length=60)
    if value is not None and not SLUG_PATTERN.fullmatch(value):
        raise ApiError("invalid_parameter", f"'{name}' must be a slug (letters, digits, '-' and '_').")
    return value


def query_flag(request: HttpRequest, name: str) -> bool:
    value = query(request, name)
    if value is None:
        return False
    value = value.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ApiError("invalid_parameter", f"'{name}' must be true or false.")


def query_int(request: HttpRequest, name: str, *, default: int, low: int, high: int) -> int:
    value = query(request, name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        number = low - 1
    if not low <= number <= high:
        raise ApiError("invalid_parameter", f"'{name}' must be a whole number from {low} to {high}.")
    return number


def query_time(request: HttpRequest, name: str) -> datetime | None:
    """An ISO 8601 / RFC 3339 time; a time without offset is UTC."""
    value = query(request, name)
    if value is None:
        return None
    return parse_time(value, name)


def parse_time(value: str, name: str) -> datetime:
    # "+" in an unescaped query string arrives as a space; RFC 3339 allows "t"/"z" and a
    # leap second ":60", which Python's parser refuses (a leap second is clamped to :59).
    cleaned = re.sub(r" (\d\d:?\d\d)$", r"+\1", value.strip()).upper()
    if len(cleaned) > 17 and cleaned[17:19] == "60" and cleaned[16] == ":":
        cleaned = cleaned[:17] + "59" + cleaned[19:]
    try:
        moment = datetime.fromisoformat(cleaned)
    except ValueError as exc:
        raise ApiError("invalid_parameter", f"'{name}' must be an ISO 8601 time, e.g. 2024-01-22T11:08:00Z.") from exc
    moment = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError as exc:  # 0001-01-01T00:00+01:00 is before the first representable time
        raise ApiError("invalid_parameter", f"'{name}' is out of range.") from exc
