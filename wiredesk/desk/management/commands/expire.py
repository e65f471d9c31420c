"""``wiredesk expire``: take down the stories whose agency licence has run out.

Kills every story older than its agency's ``expire_after_days`` through
``services.expire_stories`` (the worker runs the same service on a schedule).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from wiredesk.stories import services


class Command(BaseCommand):
    help = "Kill the stories that have outlived their agency's licence."

    def handle(self, *args: Any, **options: Any) -> None:
        expired = services.expire_stories()
        for story in expired:
            self.stdout.write(f"expired {story.wire_id} {story.headline}")
        self.stdout.write(f"{len(expired)} stories expired")
