"""Who is calling the API, and what their role lets them do.

Callers authenticate with ``Authorization: Bearer <key>`` (an ``ApiToken``) or, for people
using the API from a logged-in browser, Django's session. Roles are Django groups:

- ``editor`` — desk data (held and killed stories, their versions), desk actions, push;
- ``admin`` — everything an editor may do (and, outside the API, site administration);
- superusers count as admins.

A token bound to an agency (a source token) may only push wire payloads, whatever its
user's groups. Anonymous callers may read public stories.

The roles are ``wiredesk.stories.roles`` (the desk asks the same predicates).

Does not check CSRF or HTTP methods: that is ``http.endpoint``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from django.http import HttpRequest

from wiredesk.api.errors import ApiError
from wiredesk.api.models import ApiToken
from wiredesk.api.tokens import find_token
from wiredesk.stories.roles import is_editor

CHALLENGE = {"WWW-Authenticate": 'Bearer realm="wiredesk"'}


@dataclass(frozen=True)
class Caller:
    """The authenticated party of one request (``user`` is ``None`` for anonymous callers)."""

    user: Any
    via: Literal["token", "session", "anonymous"]
    token: ApiToken | None = None

    @property
    def actor(self) -> str:
        """The name recorded in story events: the token's (or session's) username."""
        return self.user.get_username() if self.user is not None else "anonymous"

    @cached_property
    def editor(self) -> bool:
        return is_editor(self.user)

    @property
    def source_token(self) -> bool:
        return self.token is not None and self.token.is_source_token

    def require_editor(self) -> None:
        """Raise 401 for anonymous callers and 403 for callers without the editor role."""
        if self.user is None:
            raise ApiError("authentication_required", "This needs an API token (Authorization: Bearer …).",
                           headers=CHALLENGE)  # fmt: skip
        if not self.editor:
            raise ApiError("forbidden", "This needs the editor or admin role.")


def authenticate(request: HttpRequest) -> Caller:
    """The caller of ``request``; a malformed, unknown or revoked token is a 401, never anonymous.

    A credential that does not work must fail loudly: silently reading as anonymous would
    hide a broken integration behind "no such story" answers.
    """
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _, key = header.partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            raise ApiError("invalid_token", "Use 'Authorization: Bearer <key>'.", headers=CHALLENGE)
        token = find_token(key.strip())
        if token is None or not token.user.is_active:
            raise ApiError("invalid_token", "The token is unknown or revoked.", headers=CHALLENGE)
        return Caller(user=token.user, via="token", token=token)
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_active:
        return Caller(user=user, via="session")
    return Caller(user=None, via="anonymous")
