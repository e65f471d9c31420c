from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "wiredesk.sources"
    label = "sources"
    verbose_name = "Sources"
