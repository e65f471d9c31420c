"""Desk models: failed desk logins, kept for the login throttle (``desk/throttle.py``).

The desk's view of stories lives in ``wiredesk.stories``; the desk keeps no story state.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LoginFailure(models.Model):
    """One failed login at the desk. Kept in the database, not a per-process cache, so the
    throttle holds across server processes and restarts."""

    username = models.CharField(_("username"), max_length=150)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    created = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("failed login")
        verbose_name_plural = _("failed logins")
        indexes = [models.Index(fields=["username", "ip", "created"], name="desk_loginfailure_key")]

    def __str__(self) -> str:
        return f"{self.username} from {self.ip} at {self.created:%Y-%m-%d %H:%M}"
