"""Purge the public site's caches for changes that are not story changes.

Connected in ``SiteConfig.ready()``. Stories are purged by the after-commit step
``purge-pages`` (``wiredesk.site.after``), which ingest, the desk's services and
enrichment all run: a story changes in no other way. What is left for model signals is
what those paths do not cover: a section or an agency saved (by the desk's services or the
admin), a story deleted (the shell, a cascade), and settings that change every page (the
site's name, address, time zone), which clear the whole page cache.
"""

from __future__ import annotations

from typing import Any

from django.core.signals import setting_changed
from django.db.models.signals import post_save, pre_delete

from wiredesk.site.cache import clear_pages
from wiredesk.site.purge.affected import purge_for_agency, purge_for_section, purge_for_stories
from wiredesk.stories.models import Agency, Section, Story

PAGE_WIDE_SETTINGS = frozenset(
    {"WIREDESK_BASE_URL", "WIREDESK_SITE_NAME", "WIREDESK_HOME", "TIME_ZONE", "CACHES", "ROOT_URLCONF"}
)


def _story_deleted(sender: type[Story], instance: Story, **kwargs: Any) -> None:
    purge_for_stories([instance.pk], neighbours=True)


def _section_saved(sender: type[Section], instance: Section, **kwargs: Any) -> None:
    purge_for_section(instance)


def _agency_saved(sender: type[Agency], instance: Agency, **kwargs: Any) -> None:
    purge_for_agency(instance)


def _setting_changed(setting: str, **kwargs: Any) -> None:
    if setting in PAGE_WIDE_SETTINGS:
        clear_pages()


def connect() -> None:
    uid = "wiredesk.site"
    pre_delete.connect(_story_deleted, sender=Story, dispatch_uid=f"{uid}.story_deleted")
    post_save.connect(_section_saved, sender=Section, dispatch_uid=f"{uid}.section_saved")
    post_save.connect(_agency_saved, sender=Agency, dispatch_uid=f"{uid}.agency_saved")
    setting_changed.connect(_setting_changed, dispatch_uid=f"{uid}.setting_changed")
