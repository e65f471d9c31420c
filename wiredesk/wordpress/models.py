"""What a WordPress import leaves beside the stories: one record per post, its old paths, the runs.

``ImportedPost`` remembers each post (site + post id) with the story it became, its old
permalink, categories, tags, author, WordPress status and featured image URL (kept for the
pictures pipeline, which does not exist yet). ``OldPath`` maps every old URL path to the
story (or, for a category archive, the section) it now lives at; the site answers those paths
with a permanent redirect (``middleware.py``). ``ImportRun`` is the progress marker that
lets an interrupted import resume.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wiredesk.stories.models import Agency, Section, Story


class ImportedPost(models.Model):
    site = models.CharField(_("site"), max_length=500, help_text=_("The blog's address, as the export gives it."))
    post_id = models.BigIntegerField(_("post id"))
    story = models.ForeignKey(Story, models.CASCADE, related_name="wordpress_posts", verbose_name=_("story"))
    agency = models.ForeignKey(Agency, models.PROTECT, related_name="+", verbose_name=_("agency"))
    digest = models.CharField(_("payload digest"), max_length=64, help_text=_("SHA-256 of the post's payload."))
    status = models.CharField(_("WordPress status"), max_length=20)
    permalink = models.CharField(_("old permalink"), max_length=2000, blank=True)
    slug = models.CharField(_("slug"), max_length=400, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    categories = models.JSONField(_("categories"), default=list, blank=True)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    syndicated = models.BooleanField(_("syndicated"), default=False)
    thumbnail_id = models.BigIntegerField(_("featured image id"), null=True, blank=True)
    featured_image_url = models.CharField(
        _("featured image URL"),
        max_length=2000,
        blank=True,
        help_text=_("The attachment's URL, kept for the pictures pipeline: not fetched or shown yet."),
    )
    imported = models.DateTimeField(_("imported"), default=timezone.now)

    class Meta:
        verbose_name = _("imported WordPress post")
        verbose_name_plural = _("imported WordPress posts")
        constraints = [models.UniqueConstraint(fields=["site", "post_id"], name="wordpress_post_unique_site_id")]

    def __str__(self) -> str:
        return f"{self.site}/?p={self.post_id}"


class OldPath(models.Model):
    """One old URL path (and its WordPress query, e.g. ``/?p=123``) and where it lives now."""

    key = models.CharField(
        _("key"), max_length=64, unique=True, help_text=_("SHA-256 of the normalised path (paths.py).")
    )
    path = models.CharField(_("old path"), max_length=2000)
    story = models.ForeignKey(
        Story, models.CASCADE, null=True, blank=True, related_name="old_paths", verbose_name=_("story")
    )
    section = models.ForeignKey(
        Section, models.CASCADE, null=True, blank=True, related_name="old_paths", verbose_name=_("section")
    )

    class Meta:
        verbose_name = _("old path")
        verbose_name_plural = _("old paths")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(story__isnull=False) | models.Q(section__isnull=False),
                name="wordpress_oldpath_has_target",
            )
        ]

    def __str__(self) -> str:
        return self.path


class ImportRun(models.Model):
    """One ``wiredesk import wordpress`` of one export file: how far it got."""

    source = models.CharField(_("source"), max_length=64, help_text=_("Size and digest of the export's ends."))
    path = models.CharField(_("file"), max_length=1000)
    position = models.PositiveIntegerField(_("items done"), default=0)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    started = models.DateTimeField(_("started"), default=timezone.now)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("WordPress import run")
        verbose_name_plural = _("WordPress import runs")
        indexes = [models.Index(fields=["source", "finished"], name="wordpress_run_source")]

    def __str__(self) -> str:
        return f"{self.path} ({self.position} items)"
