"""``wiredesk reindex``: rebuild the search index of every story from the database."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from wiredesk.site.search_index import reindex_all


class Command(BaseCommand):
    help = "Rebuild the public site's full-text search index from the stories' current state."

    def handle(self, *args: Any, **options: Any) -> None:
        count = reindex_all()
        self.stdout.write(f"indexed {count} stories")
