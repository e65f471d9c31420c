"""Routing rules as admins edit them: ordered conditions and actions (``rules.py`` runs them)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wiredesk.routing.rules import StatusAction, Where
from wiredesk.sources.models import Source
from wiredesk.stories.models import Agency, Section

LIST_HELP = _("One per line or comma-separated.")


class RoutingRule(models.Model):
    """One rule; enabled rules run in ``position`` order over every new story.

    Conditions left empty match everything. Keep in sync with ``rules.Rule``.
    """

    class Status(models.TextChoices):
        NONE = StatusAction.NONE.value, _("leave as it is")
        PUBLISH = StatusAction.PUBLISH.value, _("publish")
        HOLD = StatusAction.HOLD.value, _("hold")
        DROP = StatusAction.DROP.value, _("drop (kill)")

    class In(models.TextChoices):
        HEADLINE = Where.HEADLINE.value, _("headline")
        BODY = Where.BODY.value, _("body")
        BOTH = Where.BOTH.value, _("headline or body")

    position = models.PositiveIntegerField(_("position"), default=0, help_text=_("Lower runs first."))
    name = models.CharField(_("name"), max_length=100, unique=True, help_text=_("Events name it as 'rule:NAME'."))
    enabled = models.BooleanField(_("enabled"), default=True)
    # conditions
    agencies = models.ManyToManyField(Agency, blank=True, related_name="+", verbose_name=_("agencies"))
    sources = models.ManyToManyField(Source, blank=True, related_name="+", verbose_name=_("sources"))
    urgency_max = models.PositiveSmallIntegerField(
        _("urgency at most"), null=True, blank=True, help_text=_("1 is the most urgent; stories without urgency fail.")
    )
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("e.g. en, fr; en matches en-GB.")
    )
    words_any = models.TextField(_("any of these words"), blank=True, help_text=LIST_HELP)
    words_all = models.TextField(_("all of these words"), blank=True, help_text=LIST_HELP)
    words_none = models.TextField(_("none of these words"), blank=True, help_text=LIST_HELP)
    words_in = models.CharField(_("look for words in"), max_length=10, choices=In.choices, default=In.BOTH)
    subjects = models.TextField(
        _("subject codes"),
        blank=True,
        help_text=_("IPTC subject or Media Topic codes; a broad code matches narrower ones."),
    )
    tags = models.TextField(
        _("places or topics"),
        blank=True,
        help_text=format_lazy("{} {}", _("Tag names from enrichment (any of them)."), LIST_HELP),
    )
    # actions
    section = models.ForeignKey(
        Section, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("put in section")
    )
    status_action = models.CharField(_("status"), max_length=10, choices=Status.choices, blank=True, default="")
    add_tags = models.TextField(
        _("add tags"), blank=True, help_text=format_lazy("{} {}", _("Topic tags to add."), LIST_HELP)
    )
    stop_processing = models.BooleanField(_("stop here"), default=False, help_text=_("Later rules do not run."))
    modified = models.DateTimeField(_("modified"), default=timezone.now)

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name
