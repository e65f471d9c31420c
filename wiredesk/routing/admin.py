"""Django admin for routing rules (the desk's ``/desk/rules/`` pages add the dry run)."""

from __future__ import annotations

from django.contrib import admin

from wiredesk.routing.models import RoutingRule


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["position", "name", "enabled", "section", "status_action", "stop_processing"]
    list_display_links = ["name"]
    list_editable = ["position", "enabled"]
    list_filter = ["enabled", "status_action", "section"]
    search_fields = ["name", "words_any", "words_all", "subjects", "tags"]
    filter_horizontal = ["agencies", "sources"]
