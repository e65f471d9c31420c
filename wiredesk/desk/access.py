"""Role checks for desk views: anonymous users go to the login page, the wrong role gets 403.

Every desk view is wrapped in ``editor_required`` or ``admin_required``; the authorization
matrix test (``tests/test_authz.py``) fails when a desk URL has neither.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from wiredesk.stories.roles import is_admin, is_editor

View = Callable[..., HttpResponse]


def _requires(predicate: Callable[[Any], bool], role: str) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("desk:login"))
            if not predicate(request.user):
                raise PermissionDenied(f"This page is for the {role} role.")
            return view(request, *args, **kwargs)

        wrapped.desk_role = role  # type: ignore[attr-defined]  # read by the authorization test
        return wrapped

    return decorator


editor_required = _requires(is_editor, "editor")
admin_required = _requires(is_admin, "admin")


def actor_of(request: HttpRequest) -> str:
    """The name the audit log keeps for the person acting."""
    return request.user.get_username()
