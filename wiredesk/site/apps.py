from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "wiredesk.site"
    label = "site"
    verbose_name = "Public site"

    def ready(self) -> None:
        # Purge cached pages when stories, sections or agencies change (wagtail redirects/apps.py).
        from wiredesk.site import signal_handlers

        signal_handlers.connect()
        # Keep the search index in step with stories (search_index.py says what it indexes).
        from wiredesk.site import search_index

        search_index.connect()
