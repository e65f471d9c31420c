"""Django admin for Wiredesk's data. Agency content (versions, payloads) is read-only here."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from wiredesk.stories.models import Agency, RawPayload, Section, Story, StoryEvent, StoryVersion


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Agency content is immutable: it can be looked at, never added or changed by hand."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "slug", "url", "body_editable", "attribution", "expire_after_days"]
    search_fields = ["name", "slug", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["obey_kills"]  # kills are always obeyed; shown, never a setting


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]


class VersionInline(admin.TabularInline):  # type: ignore[type-arg]
    model = StoryVersion
    fields = readonly_fields = (
        "agency_version",
        "version_created",
        "headline",
        "pubstatus",
        "is_correction",
        "received",
    )
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["wire_id", "agency", "status", "section", "last_modified", "needs_review", "pinned"]
    list_filter = ["status", "agency", "section", "needs_review", "pinned"]
    search_fields = ["wire_id", "headline_override", "current_version__headline"]
    list_select_related = ["agency", "section", "current_version"]
    readonly_fields = [
        "agency", "wire_id", "status", "current_version", "embargoed_until", "first_published",
        "last_modified", "created", "desk_modified", "killed_at", "needs_review", "pinned",
    ]  # fmt: skip
    fields = [
        "agency", "wire_id", "status", "section", "headline_override", "current_version", "embargoed_until",
        "first_published", "last_modified", "created", "desk_modified", "killed_at", "needs_review", "pinned",
    ]  # fmt: skip
    inlines = [VersionInline]


@admin.register(StoryVersion)
class StoryVersionAdmin(ReadOnlyAdmin):
    list_display = ["story", "agency_version", "headline", "pubstatus", "is_correction", "received"]
    list_filter = ["pubstatus", "is_correction", "format"]
    search_fields = ["headline", "story__wire_id"]
    list_select_related = ["story"]


@admin.register(RawPayload)
class RawPayloadAdmin(ReadOnlyAdmin):
    list_display = ["origin", "format", "size", "outcome", "received"]
    list_filter = ["outcome", "format"]
    search_fields = ["origin", "sha256", "error"]
    exclude = ["content"]


@admin.register(StoryEvent)
class StoryEventAdmin(ReadOnlyAdmin):
    list_display = ["story", "action", "actor", "reason", "created"]
    list_filter = ["action"]
    search_fields = ["story__wire_id", "actor", "reason"]
    list_select_related = ["story"]
