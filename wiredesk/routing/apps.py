from django.apps import AppConfig


class RoutingConfig(AppConfig):
    name = "wiredesk.routing"
    label = "routing"
    verbose_name = "Routing rules"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # After an ingest batch: the rules run on the stories it created (routing/after.py).
        from wiredesk.routing import after, signal_handlers

        after.register()
        signal_handlers.connect()
