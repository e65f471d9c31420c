from django.apps import AppConfig


class EnrichConfig(AppConfig):
    name = "wiredesk.enrich"
    label = "enrich"
    verbose_name = "Enrichment"
    default_auto_field = "django.db.models.BigAutoField"
