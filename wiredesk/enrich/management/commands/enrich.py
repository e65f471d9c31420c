"""``wiredesk enrich [--all] [--limit N] [--watch]``: enrich the stories not enriched yet (or all).

``--watch`` keeps running, enriching new stories as ingest stores them, at a lowered CPU
priority (``nice``) so that ingest on the same machine keeps its pace. The background
worker calls the same ``enrich_pending`` function.
"""

from __future__ import annotations

import os
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wiredesk.enrich.gazetteer import get_gazetteer
from wiredesk.enrich.services import enrich_pending

BATCH = 50


class Command(BaseCommand):
    help = "Enrich stored stories: places, section, topics, people and organisations, clusters, timeline."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="Enrich every story again, not only pending ones.")
        parser.add_argument("--limit", type=int, default=None, help="Stop after this many stories.")
        parser.add_argument("--watch", action="store_true", help="Keep enriching new stories until interrupted.")
        parser.add_argument("--every", type=float, default=1.0, help="With --watch: seconds between idle checks.")
        parser.add_argument("--nice", type=int, default=10, help="With --watch: CPU niceness increment (default 10).")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["watch"]:
            done = enrich_pending(options["limit"], everything=options["all"])
            self.stdout.write(f"enriched {done} stories")
            return
        if options["nice"] and hasattr(os, "nice"):
            os.nice(options["nice"])
        get_gazetteer()  # built once, before the first story, not in the middle of a busy ingest
        self.stdout.write("watching for stories to enrich", ending="\n")
        self.stdout.flush()
        try:
            while True:
                if enrich_pending(BATCH) == 0:
                    time.sleep(options["every"])
        except KeyboardInterrupt:
            return
