"""Django admin for Wiredesk's data. Agency content (versions, payloads) is read-only here.

Changes to a story's state go through ``wiredesk.stories.services``, as from the desk, the
CLI and the API: they obey the licence (``wiredesk.stories.licence``) and leave
``StoryEvent`` rows naming the admin. Stories can be neither added nor deleted here: they
come from agencies, and their versions are the archive.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from wiredesk.exceptions import WiredeskError
from wiredesk.stories import licence, services
from wiredesk.stories.models import Agency, RawPayload, Section, Story, StoryEvent, StoryVersion


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Agency content is immutable: it can be looked at, never added or changed by hand."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AgencyForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Agency
        fields = "__all__"

    def _template(self, name: str) -> str:
        try:
            return licence.check_provenance_template(self.cleaned_data.get(name, ""))
        except licence.LicenceError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean_provenance_unedited(self) -> str:
        return self._template("provenance_unedited")

    def clean_provenance_edited(self) -> str:
        return self._template("provenance_edited")


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = AgencyForm
    list_display = ["name", "slug", "url", "attribution", "expire_after_days"]
    search_fields = ["name", "slug", "aliases"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request: HttpRequest, obj: Agency, form: Any, change: bool) -> None:
        """The profile as the form has it; the licence rules through ``services.set_licence``."""
        rules = {name: form.cleaned_data[name] for name in _LICENCE_FIELDS}
        obj.save()
        services.set_licence(obj, **rules)


_LICENCE_FIELDS = ("attribution", "expire_after_days", "provenance_unedited", "provenance_edited")


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


def _status_action(name: str, act: Callable[..., Story]) -> Callable[..., None]:
    def run(modeladmin: StoryAdmin, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        done, refused = 0, []
        for story in queryset.select_related("agency"):
            try:
                act(story, actor=_actor(request), reason="admin")
                done += 1
            except WiredeskError as exc:
                refused.append(f"{story.wire_id}: {exc}")
        if done:
            modeladmin.message_user(request, f"{name}: {done} stories.", messages.SUCCESS)
        for line in refused:
            modeladmin.message_user(request, line, messages.ERROR)

    run.__name__ = name.lower()
    run.short_description = f"{name} the selected stories"  # type: ignore[attr-defined]
    return run


def _actor(request: HttpRequest) -> str:
    return request.user.get_username() or "admin"


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["wire_id", "agency", "status", "agency_killed", "section", "last_modified", "needs_review"]
    list_filter = ["status", "agency_killed", "agency", "section", "needs_review", "pinned"]
    search_fields = ["wire_id", "headline_override", "current_version__headline"]
    list_select_related = ["agency", "section", "current_version"]
    readonly_fields = [
        "agency", "wire_id", "status", "agency_killed", "current_version", "embargoed_until", "first_published",
        "last_modified", "created", "desk_modified", "killed_at", "needs_review",
    ]  # fmt: skip
    fields = [
        "agency", "wire_id", "status", "agency_killed", "section", "headline_override", "pinned",
        "current_version", "embargoed_until", "first_published", "last_modified", "created", "desk_modified",
        "killed_at", "needs_review",
    ]  # fmt: skip
    inlines = [VersionInline]
    actions = [
        _status_action("Publish", services.publish),
        _status_action("Hold", services.hold),
        _status_action("Kill", services.kill),
        _status_action("Restore", services.restore),
    ]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # stories come from agencies

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # the versions are the archive; a kill takes a story down

    def save_model(self, request: HttpRequest, obj: Story, form: Any, change: bool) -> None:
        """Apply the desk fields the admin changed through the services, never ``obj.save()``."""
        story = Story.objects.select_related("agency", "section", "current_version").get(pk=obj.pk)
        actor = _actor(request)
        if "headline_override" in form.changed_data:
            services.set_headline(story, obj.headline_override, actor=actor)
        if "section" in form.changed_data:
            services.set_section(story, obj.section, actor=actor)
        if "pinned" in form.changed_data:
            services.set_pinned(story, obj.pinned, actor=actor)


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
