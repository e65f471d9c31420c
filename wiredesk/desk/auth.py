"""Desk and admin login and logout: Django's own views, with the login throttle in front.

``/desk/login/`` and ``/admin/login/`` share one throttle (``desk/throttle.py``): five
failures for a name from one address refuse that pair at both doors. Does not change how
Django authenticates, and does not lock accounts.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from wiredesk.desk import throttle

THROTTLED = "Too many failed logins for this name from this address. Try again in 15 minutes.\n"


def throttled_response() -> HttpResponse:
    return HttpResponse(THROTTLED, status=429, content_type="text/plain; charset=utf-8")


class LoginView(auth_views.LoginView):
    """``/desk/login/``: refuses with 429 after too many failures, counts every failure."""

    template_name = "desk/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        username = request.POST.get("username", "")
        if throttle.is_throttled(request, username):
            return throttled_response()
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: Any) -> HttpResponse:
        throttle.record_failure(self.request, self.request.POST.get("username", ""))
        return super().form_invalid(form)

    def form_valid(self, form: Any) -> HttpResponse:
        throttle.clear_failures(self.request, self.request.POST.get("username", ""))
        return super().form_valid(form)

    def get_default_redirect_url(self) -> str:
        return reverse("desk:queue")


def admin_login(request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
    """``/admin/login/``: Django admin's login view (``admin.site.login``) behind the throttle.

    The admin's view answers a POST with a redirect when the login worked and with the form
    again (200) when it did not — a wrong password, or a valid one of a user who may not use
    the admin: both count as failures, as at the desk.
    """
    if request.method != "POST":
        return admin.site.login(request, extra_context)
    username = request.POST.get("username", "")
    if throttle.is_throttled(request, username):
        return throttled_response()
    response = admin.site.login(request, extra_context)
    if response.status_code == 200:
        throttle.record_failure(request, username)
    elif response.status_code == 302:
        throttle.clear_failures(request, username)
    return response


class LogoutView(auth_views.LogoutView):
    """``/desk/logout/`` (POST only, as Django requires): back to the login page."""

    def get_default_redirect_url(self) -> str:
        return reverse("desk:login")
