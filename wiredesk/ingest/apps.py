from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "wiredesk.ingest"
    label = "ingest"
    verbose_name = "Ingest"
