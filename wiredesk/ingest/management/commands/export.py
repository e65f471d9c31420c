"""``wiredesk export --format ninjs [--all-versions]``: one ninjs 3.1 object per line.

A reader that stops early (``wiredesk export | head``) stops the export quietly, exit status
1 and no traceback (issue #11).
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wiredesk.stories.models import Story
from wiredesk.stories.ninjs import prefetch, story_object


class Command(BaseCommand):
    help = "Export every story's current state as ninjs 3.1 JSON lines."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["ninjs"], default="ninjs")
        parser.add_argument("--all-versions", action="store_true", help="Attach every agency version.")

    def handle(self, *args: Any, **options: Any) -> None:
        # a reader that goes away (`wiredesk export | head`) is handled by wiredesk.cli
        self._export(all_versions=options["all_versions"])

    def _export(self, *, all_versions: bool) -> None:
        # prefetch: a fixed number of queries per chunk of 500, whatever the database holds
        stories = prefetch(Story.objects.select_related("agency", "current_version", "section").order_by("pk"))
        if all_versions:
            stories = stories.prefetch_related("versions")
        for story in stories.iterator(chunk_size=500):
            line = json.dumps(story_object(story, all_versions=all_versions), ensure_ascii=False)
            self.stdout.write(line)
