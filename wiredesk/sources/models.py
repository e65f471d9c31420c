"""Sources (where an agency's copy comes from) and the log of every poll of them.

A ``Source`` holds what an admin configured (kind, address, credentials, interval,
routing) and the poller's memory (validators, adapted interval, failures, next poll).
A ``SourceRun`` is one poll, push or drop-folder pass: what came in, what failed, and the
lags the health page charts.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wiredesk.stories.models import Agency, Section


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def mask(secret: str) -> str:
    """A credential as the desk may show it: never in full."""
    if not secret:
        return ""
    return "•" * 6 + (secret[-2:] if len(secret) >= 12 else "")


class Source(models.Model):
    """One way an agency delivers: an HTTP feed, a drop folder, a push endpoint or WebSub."""

    class Kind(models.TextChoices):
        HTTP = "http", _("HTTP feed")
        FOLDER = "folder", _("drop folder")
        PUSH = "push", _("push")
        WEBSUB = "websub", _("WebSub")

    class Auth(models.TextChoices):
        NONE = "none", _("none")
        BASIC = "basic", _("basic auth")
        HEADER = "header", _("header token")

    agency = models.ForeignKey(Agency, models.PROTECT, related_name="sources", verbose_name=_("agency"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.HTTP)
    address = models.CharField(
        _("address"), max_length=1000, blank=True, help_text=_("Feed URL or drop folder path; empty for push.")
    )
    auth = models.CharField(_("authentication"), max_length=10, choices=Auth.choices, default=Auth.NONE)
    username = models.CharField(_("user name"), max_length=200, blank=True)
    secret = models.CharField(
        _("password or token"), max_length=500, blank=True, help_text=_("Never shown back in full.")
    )
    header_name = models.CharField(_("token header"), max_length=100, blank=True, default="Authorization")
    push_token_hash = models.CharField(_("push token (SHA-256)"), max_length=64, blank=True, editable=False)
    format = models.CharField(
        _("format"), max_length=20, default="auto", choices=[("auto", _("detect from the content"))]
    )
    interval = models.PositiveIntegerField(_("poll every (seconds)"), default=300)
    section = models.ForeignKey(
        Section, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("default section")
    )
    hold = models.BooleanField(_("hold new stories"), default=False)
    enabled = models.BooleanField(_("enabled"), default=True)
    created = models.DateTimeField(_("created"), default=timezone.now)

    # The poller's memory: written by wiredesk.sources.polling only.
    etag = models.CharField(_("ETag"), max_length=500, blank=True, editable=False)
    last_modified_header = models.CharField(_("Last-Modified"), max_length=100, blank=True, editable=False)
    current_interval = models.FloatField(_("adapted interval (seconds)"), default=0, editable=False)
    failures = models.PositiveIntegerField(_("consecutive failures"), default=0, editable=False)
    next_poll_at = models.DateTimeField(_("next poll"), null=True, blank=True, db_index=True)
    last_polled_at = models.DateTimeField(_("last polled"), null=True, blank=True, editable=False)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True, editable=False)
    last_change_at = models.DateTimeField(_("last change"), null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    last_error_at = models.DateTimeField(_("last error at"), null=True, blank=True, editable=False)
    drop_seen = models.JSONField(_("files seen in the drop folder"), default=dict, blank=True, editable=False)
    websub_hub = models.URLField(_("WebSub hub"), max_length=1000, blank=True)
    websub_secret = models.CharField(_("WebSub secret"), max_length=200, blank=True, editable=False)
    websub_mode = models.CharField(_("WebSub pending mode"), max_length=20, blank=True, editable=False)
    websub_lease_until = models.DateTimeField(_("WebSub lease until"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["agency__slug", "id"]

    def __str__(self) -> str:
        return self.name or f"{self.agency.slug} {self.get_kind_display()} {self.address}".strip()

    @property
    def polled(self) -> bool:
        """HTTP feeds and WebSub feeds (as a safety net) are polled; drop folders are scanned."""
        return self.kind != self.Kind.PUSH

    def new_push_token(self) -> str:
        """Make a new push token, keep only its hash, and return it (shown once)."""
        token = secrets.token_urlsafe(24)
        self.push_token_hash = hash_token(token)
        return token

    def check_push_token(self, token: str) -> bool:
        return bool(self.push_token_hash) and hmac.compare_digest(self.push_token_hash, hash_token(token))


class SourceRun(models.Model):
    """One poll, push or folder pass of a source: the poll log the health page reads."""

    class Outcome(models.TextChoices):
        CHANGED = "changed", _("new items")
        UNCHANGED = "unchanged", _("nothing new")
        FAILED = "failed", _("failed")

    source = models.ForeignKey(Source, models.CASCADE, related_name="runs", verbose_name=_("source"))
    started = models.DateTimeField(_("started"), default=timezone.now, db_index=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    http_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    items = models.PositiveIntegerField(_("items received"), default=0)
    new_items = models.PositiveIntegerField(_("new or updated items"), default=0)
    error = models.TextField(_("error"), blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True, help_text=_("Why the next poll is when it is."))
    lag_receipt = models.FloatField(
        _("lag to receipt (s)"), null=True, blank=True, help_text=_("Median: agency version time to receipt.")
    )
    lag_publish = models.FloatField(
        _("lag to publication (s)"), null=True, blank=True, help_text=_("Median: agency version time to public.")
    )

    class Meta:
        verbose_name = _("source run")
        verbose_name_plural = _("source runs")
        ordering = ["-started"]
        indexes = [models.Index(fields=["source", "-started"], name="sourcerun_source_started")]

    def __str__(self) -> str:
        return f"{self.source_id} {self.started:%Y-%m-%d %H:%M:%S} {self.outcome}"
