"""What enrichment found out about stories: tags, topics, clusters, and its settings.

Enrichment never changes agency content. It writes its own rows beside the story: the
story's tags (places, people, organisations, topics), an ``Enrichment`` record (which
version was enriched, the story's country and region, whom the agency cites, the update
timeline, the cluster of copies), and LSH band keys for duplicate detection. The one desk
field it may set is ``Story.section``, and only when the story has none (through
``wiredesk.stories.services``).
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wiredesk.stories.models import Agency, Story, StoryVersion


class Tag(models.Model):
    class Kind(models.TextChoices):
        PLACE = "place", _("place")
        PERSON = "person", _("person")
        ORGANISATION = "organisation", _("organisation")
        TOPIC = "topic", _("topic")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=True)
    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=_("ISO 3166 code, for places."))
    qcode = models.CharField(_("qcode"), max_length=40, blank=True, help_text=_("Media Topic qcode, for topics."))

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["kind", "name"]
        constraints = [models.UniqueConstraint(fields=["kind", "slug"], name="enrich_tag_unique_kind_slug")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name}"


class StoryTag(models.Model):
    story = models.ForeignKey(Story, models.CASCADE, related_name="enrich_tags", verbose_name=_("story"))
    tag = models.ForeignKey(Tag, models.CASCADE, related_name="story_tags", verbose_name=_("tag"))
    source = models.CharField(
        _("source"), max_length=20, help_text=_("How it was found: dateline, text, code, rule, alias, title.")
    )
    evidence = models.CharField(_("evidence"), max_length=200, blank=True)
    rule = models.CharField(
        _("added by rule"),
        max_length=100,
        blank=True,
        default="",
        help_text=_("The routing rule that put this tag on the story; enrichment never removes such a tag."),
    )

    class Meta:
        verbose_name = _("story tag")
        verbose_name_plural = _("story tags")
        constraints = [models.UniqueConstraint(fields=["story", "tag"], name="enrich_storytag_unique")]

    def __str__(self) -> str:
        return f"{self.story_id} → {self.tag_id}"


class Topic(models.Model):
    """One IPTC Media Topic (the upper levels ship with Wiredesk; ``wiredesk vocab load`` adds the rest)."""

    qcode = models.CharField(_("qcode"), max_length=40, unique=True)
    label = models.CharField(_("label"), max_length=200)
    broader = models.CharField(_("broader qcode"), max_length=40, blank=True)
    subject_codes = models.JSONField(_("IPTC subject codes"), default=list, blank=True)
    retired = models.BooleanField(_("retired"), default=False)

    class Meta:
        verbose_name = _("media topic")
        verbose_name_plural = _("media topics")
        ordering = ["qcode"]

    def __str__(self) -> str:
        return f"{self.label} ({self.qcode})"


class RegionSection(models.Model):
    """Which section a region's (or one country's) stories go to when they have none."""

    key = models.CharField(
        _("region or country"),
        max_length=40,
        unique=True,
        help_text=_("A region slug (e.g. 'middle-east') or an ISO country code (e.g. 'IN'); a country wins."),
    )
    section_slug = models.SlugField(
        _("section slug"), max_length=60, help_text=_("Used only when a section with this slug exists.")
    )

    class Meta:
        verbose_name = _("region → section")
        verbose_name_plural = _("region → section map")
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.key} → {self.section_slug}"


class AgencyPreference(models.Model):
    """The preferred-agency order: of several copies of a story, the best-ranked is public."""

    agency = models.OneToOneField(Agency, models.CASCADE, related_name="+", verbose_name=_("agency"))
    rank = models.PositiveIntegerField(_("rank"), default=100, help_text=_("Lower is preferred."))

    class Meta:
        verbose_name = _("agency preference")
        verbose_name_plural = _("agency preferences")
        ordering = ["rank"]

    def __str__(self) -> str:
        return f"{self.rank}. {self.agency_id}"


class Cluster(models.Model):
    """Copies of one story from several agencies or deliveries; ``primary`` is the public one."""

    primary = models.ForeignKey(
        Story, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("primary copy")
    )
    created = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")

    def __str__(self) -> str:
        return f"cluster {self.pk}"


class Enrichment(models.Model):
    story = models.OneToOneField(Story, models.CASCADE, related_name="enrichment", verbose_name=_("story"))
    version = models.ForeignKey(
        StoryVersion, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("version enriched")
    )
    enriched_at = models.DateTimeField(_("enriched at"), default=timezone.now)
    place = models.CharField(_("place"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    region = models.CharField(_("region"), max_length=40, blank=True)
    citations = models.JSONField(_("citations"), default=list, blank=True)
    provenance = models.CharField(_("provenance"), max_length=300, blank=True)
    timeline = models.JSONField(_("update timeline"), default=list, blank=True)
    cluster = models.ForeignKey(
        Cluster, models.SET_NULL, null=True, blank=True, related_name="members", verbose_name=_("cluster")
    )

    class Meta:
        verbose_name = _("enrichment")
        verbose_name_plural = _("enrichments")

    def __str__(self) -> str:
        return f"enrichment of {self.story_id}"


class StoryBand(models.Model):
    """One LSH band key of a story's text; stories sharing a key are duplicate candidates."""

    story = models.ForeignKey(Story, models.CASCADE, related_name="+", verbose_name=_("story"))
    key = models.CharField(_("band key"), max_length=40, db_index=True)

    class Meta:
        verbose_name = _("LSH band")
        verbose_name_plural = _("LSH bands")
        constraints = [models.UniqueConstraint(fields=["story", "key"], name="enrich_band_unique")]
