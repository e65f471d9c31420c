"""API tokens: what integrators and agencies authenticate with (``Authorization: Bearer …``).

Only a SHA-256 hash of each key is stored, so a database leak does not leak usable keys;
the raw key is shown once, when the token is made (``wiredesk token add``). The first
characters of the key are kept in the clear as ``prefix``, to find the row without a scan
and to let people tell their tokens apart.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wiredesk.stories.models import Agency


class ApiToken(models.Model):
    """One key of one user. A token bound to an agency is a source token: it may only push."""

    PREFIX_LENGTH = 12

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("What the token is for, e.g. 'CMS sync'."))
    prefix = models.CharField(_("prefix"), max_length=PREFIX_LENGTH, db_index=True, editable=False)
    key_hash = models.CharField(_("key hash (SHA-256)"), max_length=64, unique=True, editable=False)
    agency = models.ForeignKey(
        Agency,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="api_tokens",
        verbose_name=_("agency"),
        help_text=_("Set for a source token: payloads it pushes belong to this agency, and it can do nothing else."),
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_source_token(self) -> bool:
        return self.agency_id is not None
