"""Desk login and logout: Django's own views, with the login throttle in front."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from wiredesk.desk import throttle

THROTTLED = "Too many failed logins for this name from this address. Try again in 15 minutes.\n"


class LoginView(auth_views.LoginView):
    """``/desk/login/``: refuses with 429 after too many failures, counts every failure."""

    template_name = "desk/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        username = request.POST.get("username", "")
        if throttle.is_throttled(request, username):
            return HttpResponse(THROTTLED, status=429, content_type="text/plain; charset=utf-8")
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: Any) -> HttpResponse:
        throttle.record_failure(self.request, self.request.POST.get("username", ""))
        return super().form_invalid(form)

    def form_valid(self, form: Any) -> HttpResponse:
        throttle.clear_failures(self.request, self.request.POST.get("username", ""))
        return super().form_valid(form)

    def get_default_redirect_url(self) -> str:
        return reverse("desk:queue")


class LogoutView(auth_views.LogoutView):
    """``/desk/logout/`` (POST only, as Django requires): back to the login page."""

    def get_default_redirect_url(self) -> str:
        return reverse("desk:login")
