from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "wiredesk.site"
    label = "site"
    verbose_name = "Public site"

    def ready(self) -> None:
        # After stories changed: index them for search, purge their pages (site/after.py).
        from wiredesk.site import after

        after.register()
        # Sections, agencies, deleted stories and page-wide settings (wagtail redirects/apps.py).
        from wiredesk.site import signal_handlers

        signal_handlers.connect()
