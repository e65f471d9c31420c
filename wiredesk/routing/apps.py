from django.apps import AppConfig


class RoutingConfig(AppConfig):
    name = "wiredesk.routing"
    label = "routing"
    verbose_name = "Routing rules"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wiredesk.routing import signal_handlers

        signal_handlers.connect()
