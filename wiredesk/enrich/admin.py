"""Django admin for enrichment: the region → section map and agency order are the settings."""

from __future__ import annotations

from django.contrib import admin

from wiredesk.enrich.models import AgencyPreference, Cluster, Enrichment, RegionSection, Tag, Topic


@admin.register(RegionSection)
class RegionSectionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["key", "section_slug"]
    list_editable = ["section_slug"]
    search_fields = ["key", "section_slug"]


@admin.register(AgencyPreference)
class AgencyPreferenceAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["agency", "rank"]
    list_editable = ["rank"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "kind", "slug", "country", "qcode"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["qcode", "label", "broader", "retired"]
    search_fields = ["qcode", "label"]


@admin.register(Enrichment)
class EnrichmentAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["story", "place", "country", "region", "provenance", "cluster", "enriched_at"]
    list_filter = ["region"]
    raw_id_fields = ["story", "version", "cluster"]


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["pk", "primary", "created"]
    raw_id_fields = ["primary"]
