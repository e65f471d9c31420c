from django.apps import AppConfig


class EnrichConfig(AppConfig):
    name = "wiredesk.enrich"
    label = "enrich"
    verbose_name = "Enrichment"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # ninjs objects (export, API) carry the story's tags; stories/ninjs.py imports no app
        from wiredesk.enrich import ninjs

        ninjs.register()
