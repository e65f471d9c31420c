from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "wiredesk.site"
    label = "site"
    verbose_name = "Public site"
