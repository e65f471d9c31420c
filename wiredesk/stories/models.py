"""Agencies, sections, stories, their immutable agency versions, raw payloads and events.

A ``Story`` is one agency story (agency + the agency's id). What the agency sent lives in
``StoryVersion`` rows, which are never changed once written. What the desk decided (status,
section, headline override) lives on ``Story``, beside the versions, never inside them;
what readers see is resolved at read time (``Story.headline``, ``StoryQuerySet.public``).
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wiredesk.stories.querysets import StoryQuerySet


class Agency(models.Model):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    about = models.TextField(_("about"), blank=True, help_text=_("Shown in the agency box under each story."))
    url = models.URLField(_("website"), blank=True)
    aliases = models.CharField(
        _("aliases"),
        max_length=500,
        blank=True,
        help_text=_("Comma-separated names this agency uses in its payloads (e.g. 'AP, ap.org')."),
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    own = models.BooleanField(
        _("the site's own newsroom"),
        default=False,
        help_text=_("Stories of the site's own staff (e.g. imported from WordPress): not syndicated copy."),
    )
    # Licence rules: what the agency's contract asks of the site (wiredesk/stories/licence.py).
    # The body of syndicated copy is never editable and agency kills are always obeyed:
    # neither is a setting.
    attribution = models.CharField(
        _("attribution"),
        max_length=200,
        blank=True,
        help_text=_("The credit line the licence asks for, shown under each story, e.g. 'IANS'."),
    )
    provenance_unedited = models.CharField(
        _("provenance line (story not edited)"),
        max_length=500,
        blank=True,
        help_text=_("Shown under a story whose headline the desk kept. {site} is the site's name. Empty: the default."),
    )
    provenance_edited = models.CharField(
        _("provenance line (headline edited)"),
        max_length=500,
        blank=True,
        help_text=_(
            "Shown under a story whose headline the desk changed. {site} is the site's name. Empty: the default."
        ),
    )
    expire_after_days = models.PositiveIntegerField(
        _("expire after (days)"),
        null=True,
        blank=True,
        help_text=_("Stories are taken down this many days after publication. Empty: they stay up."),
    )

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Section(models.Model):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class RawPayload(models.Model):
    """Every payload received, byte for byte (compressed), before anything parsed it."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("pending")
        OK = "ok", _("ok")
        QUARANTINED = "quarantined", _("quarantined")

    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    content = models.BinaryField(_("content (zlib)"))
    size = models.PositiveBigIntegerField(_("size in bytes"))
    origin = models.CharField(_("origin"), max_length=1000, blank=True, help_text=_("File path or URL."))
    agency = models.ForeignKey(Agency, models.SET_NULL, null=True, blank=True, verbose_name=_("agency"))
    format = models.CharField(_("format"), max_length=30, blank=True)
    received = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, default=Outcome.PENDING)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("raw payload")
        verbose_name_plural = _("raw payloads")
        ordering = ["-received"]

    def __str__(self) -> str:
        return f"{self.origin or self.sha256[:12]} ({self.outcome})"


class Story(models.Model):
    """One agency story. Desk fields live here; agency content lives in versions."""

    class Status(models.TextChoices):
        PUBLISHED = "published", _("published")
        HELD = "held", _("held")
        KILLED = "killed", _("killed")

    agency = models.ForeignKey(Agency, models.PROTECT, related_name="stories", verbose_name=_("agency"))
    wire_id = models.CharField(
        _("agency's id"), max_length=500, help_text=_("The agency's own identifier for the story.")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PUBLISHED)
    section = models.ForeignKey(
        Section, models.SET_NULL, null=True, blank=True, related_name="stories", verbose_name=_("section")
    )
    headline_override = models.CharField(
        _("desk headline"), max_length=500, blank=True, help_text=_("Replaces the agency headline for readers.")
    )
    current_version = models.ForeignKey(
        "StoryVersion", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("current version")
    )
    embargoed_until = models.DateTimeField(_("embargoed until"), null=True, blank=True)
    first_published = models.DateTimeField(_("first published"), null=True, blank=True)
    last_modified = models.DateTimeField(
        _("last modified"), default=timezone.now, help_text=_("Latest of agency version time and desk edit time.")
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    desk_modified = models.DateTimeField(_("desk edited"), null=True, blank=True)
    killed_at = models.DateTimeField(_("killed at"), null=True, blank=True)
    agency_killed = models.BooleanField(
        _("killed by the agency"),
        default=False,
        editable=False,
        help_text=_("The agency's last word on this story is a kill: only a newer agency version brings it back."),
    )
    needs_review = models.BooleanField(
        _("needs review"), default=False, help_text=_("The agency changed its headline after a desk override.")
    )
    pinned = models.BooleanField(_("pinned"), default=False, help_text=_("Kept at the top of its section by the desk."))

    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        constraints = [models.UniqueConstraint(fields=["agency", "wire_id"], name="story_unique_agency_id")]
        indexes = [
            models.Index(fields=["status", "-last_modified"], name="story_status_modified"),
            models.Index(fields=["section", "status", "-first_published"], name="story_section_published"),
        ]

    def __str__(self) -> str:
        return self.wire_id

    @property
    def is_killed(self) -> bool:
        """Killed by the desk or by the agency: readers get 410 Gone."""
        return self.status == self.Status.KILLED or self.agency_killed

    @property
    def state(self) -> str:
        """The status readers experience: ``killed`` when the agency killed it, else the desk's."""
        return self.Status.KILLED.value if self.agency_killed else str(self.status)

    @property
    def headline(self) -> str:
        """What readers see: the desk's headline, or the agency's."""
        if self.headline_override:
            return self.headline_override
        return self.current_version.headline if self.current_version else ""


class StoryVersion(models.Model):
    """One version of a story as the agency sent it. Never changed once written."""

    # keep in sync with wiredesk.ingest.types.StoryData
    story = models.ForeignKey(Story, models.CASCADE, related_name="versions", verbose_name=_("story"))
    agency_version = models.CharField(_("agency version"), max_length=50, blank=True)
    version_number = models.IntegerField(_("version number"), null=True, blank=True)
    headline = models.CharField(_("headline"), max_length=500)
    subheadline = models.CharField(_("subheadline"), max_length=500, blank=True)
    abstract = models.TextField(_("abstract"), blank=True)
    slugline = models.CharField(_("slugline"), max_length=200, blank=True)
    body_html = models.TextField(_("body (sanitized HTML)"), blank=True)
    byline = models.CharField(_("byline"), max_length=500, blank=True)
    dateline = models.CharField(_("dateline"), max_length=300, blank=True)
    located = models.CharField(_("located"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=20, blank=True)
    urgency = models.PositiveSmallIntegerField(_("urgency"), null=True, blank=True)
    pubstatus = models.CharField(_("pubstatus"), max_length=12, default="usable")
    signals = models.JSONField(_("signals"), default=list, blank=True)
    is_correction = models.BooleanField(_("correction"), default=False)
    embargoed = models.DateTimeField(_("embargoed until"), null=True, blank=True)
    first_created = models.DateTimeField(_("first created"), null=True, blank=True)
    version_created = models.DateTimeField(_("version created"), null=True, blank=True)
    subjects = models.JSONField(_("subjects"), default=list, blank=True)
    ednote = models.TextField(_("editorial note"), blank=True)
    copyright = models.CharField(_("copyright"), max_length=500, blank=True)
    link = models.URLField(_("link"), max_length=1000, blank=True)
    format = models.CharField(_("format"), max_length=30, blank=True)
    notes = models.JSONField(
        _("parser notes"), default=list, blank=True, help_text=_("What the parser had to guess or leave out.")
    )
    content_hash = models.CharField(_("content hash"), max_length=64)
    raw_payload = models.ForeignKey(
        RawPayload, models.SET_NULL, null=True, blank=True, related_name="versions", verbose_name=_("raw payload")
    )
    received = models.DateTimeField(_("received"), default=timezone.now)

    class Meta:
        verbose_name = _("story version")
        verbose_name_plural = _("story versions")
        ordering = ["story", "received"]
        constraints = [
            models.UniqueConstraint(fields=["story", "content_hash"], name="version_unique_content"),
        ]

    def __str__(self) -> str:
        return f"{self.story_id} v{self.agency_version or '?'}"


class StoryEvent(models.Model):
    """One decision taken on a story: by the agency's message, a rule, or a person."""

    story = models.ForeignKey(Story, models.CASCADE, related_name="events", verbose_name=_("story"))
    action = models.CharField(_("action"), max_length=30)
    actor = models.CharField(_("actor"), max_length=150, help_text=_("'agency', 'rule:NAME' or a username."))
    reason = models.TextField(_("reason"), blank=True)
    before = models.JSONField(_("before"), default=dict, blank=True)
    after = models.JSONField(_("after"), default=dict, blank=True)
    version = models.ForeignKey(
        StoryVersion, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("version")
    )
    created = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("story event")
        verbose_name_plural = _("story events")
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return f"{self.action} by {self.actor}"
