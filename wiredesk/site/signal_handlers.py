"""Purge the public site's caches when something a page shows changes.

Connected in ``SiteConfig.ready()``. Single saves of stories, versions, sections and
agencies (the desk's services, the admin) arrive as ``post_save``; bulk ingest sends
``wiredesk.stories.signals.stories_changed``. Settings that change every page (the site's
name, address, time zone) clear the whole page cache.
"""

from __future__ import annotations

from typing import Any

from django.core.signals import setting_changed
from django.db.models.signals import post_save, pre_delete, pre_save

from wiredesk.site.cache import clear_pages
from wiredesk.site.purge.affected import purge_for_agency, purge_for_section, purge_for_stories
from wiredesk.stories.models import Agency, Section, Story, StoryVersion
from wiredesk.stories.signals import stories_changed

PAGE_WIDE_SETTINGS = frozenset(
    {"WIREDESK_BASE_URL", "WIREDESK_SITE_NAME", "WIREDESK_HOME", "TIME_ZONE", "CACHES", "ROOT_URLCONF"}
)
# Saves that only touch these fields change nothing a reader sees.
INVISIBLE_FIELDS = frozenset({"needs_review"})


def _story_pre_save(sender: type[Story], instance: Story, update_fields: Any = None, **kwargs: Any) -> None:
    """Remember the section a story is leaving, so that section's pages are purged too."""
    instance._wiredesk_old_section = None  # type: ignore[attr-defined]
    if instance.pk and (update_fields is None or "section" in update_fields):
        old = Story.objects.filter(pk=instance.pk).values_list("section_id", flat=True).first()
        if old != instance.section_id:
            instance._wiredesk_old_section = old  # type: ignore[attr-defined]


def _story_saved(sender: type[Story], instance: Story, created: bool, update_fields: Any = None, **kwargs: Any) -> None:
    if update_fields is not None and set(update_fields) <= INVISIBLE_FIELDS:
        return
    old = getattr(instance, "_wiredesk_old_section", None)
    # A save of one story is a desk (or admin) action: purge the neighbours' copies too.
    purge_for_stories([instance.pk], neighbours=not created, old_sections=[old] if old else [])


def _story_deleted(sender: type[Story], instance: Story, **kwargs: Any) -> None:
    purge_for_stories([instance.pk], neighbours=True)


def _version_saved(sender: type[StoryVersion], instance: StoryVersion, **kwargs: Any) -> None:
    purge_for_stories([instance.story_id])


def _section_saved(sender: type[Section], instance: Section, **kwargs: Any) -> None:
    purge_for_section(instance)


def _agency_saved(sender: type[Agency], instance: Agency, **kwargs: Any) -> None:
    purge_for_agency(instance)


def _stories_changed(sender: Any, story_ids: Any = (), created: Any = (), **kwargs: Any) -> None:
    purge_for_stories(story_ids, created=created)


def _setting_changed(setting: str, **kwargs: Any) -> None:
    if setting in PAGE_WIDE_SETTINGS:
        clear_pages()


def connect() -> None:
    uid = "wiredesk.site"
    pre_save.connect(_story_pre_save, sender=Story, dispatch_uid=f"{uid}.story_pre_save")
    post_save.connect(_story_saved, sender=Story, dispatch_uid=f"{uid}.story_saved")
    pre_delete.connect(_story_deleted, sender=Story, dispatch_uid=f"{uid}.story_deleted")
    post_save.connect(_version_saved, sender=StoryVersion, dispatch_uid=f"{uid}.version_saved")
    post_save.connect(_section_saved, sender=Section, dispatch_uid=f"{uid}.section_saved")
    post_save.connect(_agency_saved, sender=Agency, dispatch_uid=f"{uid}.agency_saved")
    stories_changed.connect(_stories_changed, dispatch_uid=f"{uid}.stories_changed")
    setting_changed.connect(_setting_changed, dispatch_uid=f"{uid}.setting_changed")
