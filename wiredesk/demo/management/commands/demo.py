"""``wiredesk demo``: a living demo site on the embedded default.

Migrates, adds the demo agencies and sections, ingests a few hundred generated stories
(with updates, corrections, kills and embargoes — all written by the project), then serves
the site while new demo stories keep arriving every ``--every`` seconds.
"""

from __future__ import annotations

import itertools
import threading
import time
from datetime import UTC, datetime
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from wiredesk.demo import DEMO_AGENCIES, DEMO_SECTIONS, generate_wire
from wiredesk.demo.sections import assign_sections
from wiredesk.enrich.services import enrich_pending
from wiredesk.ingest.pipeline import Pipeline
from wiredesk.stories import services
from wiredesk.stories.management.commands.serve import run_server
from wiredesk.stories.models import Story


def ingest_demo(n_stories: int, *, seed: int) -> list[str]:
    """Generate ``n_stories`` demo stories (times up to now) and ingest them; the summary lines."""
    payloads = generate_wire(n_stories, seed=seed, start=datetime.now(UTC))
    lines: list[str] = []
    for outcome in Pipeline().ingest_many((f"demo:{p.name}", p.data) for p in payloads):
        lines.extend(outcome.lines())
    enrich_pending()  # in the demo, right away: places, topics, tags, clusters, timelines
    assign_sections()
    return lines


class Command(BaseCommand):
    help = "Run a living demo site: demo agencies, sections and stories, served on 127.0.0.1."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--stories", type=int, default=300)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--every", type=float, default=30.0, help="Seconds between new demo stories.")
        parser.add_argument("--no-serve", action="store_true", help="Build the demo data, print it and exit.")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", verbosity=0)
        for slug, name, about, url in DEMO_AGENCIES:
            services.add_agency(slug, name, about=about, url=url)
        for position, (slug, name) in enumerate(DEMO_SECTIONS):
            services.add_section(slug, name, position=position)
        if not Story.objects.exists():
            lines = ingest_demo(options["stories"], seed=1)
            counts = {word: sum(line.startswith(word + " ") for line in lines) for word in
                      ("new", "updated", "killed", "embargoed", "unchanged", "stale", "quarantined")}  # fmt: skip
            self.stdout.write("demo wire ingested: " + ", ".join(f"{n} {w}" for w, n in counts.items() if n))
        if options["no_serve"]:
            for story in Story.objects.public().select_related("current_version", "section")[:20]:
                self.stdout.write(f"{story.section.slug if story.section else '-':<12} {story.headline}")
            self.stdout.write(f"{Story.objects.public().count()} public stories")
            return
        threading.Thread(target=self._keep_living, args=(options["every"],), daemon=True).start()
        call_command("collectstatic", verbosity=0, interactive=False)
        self.stdout.write(f"Wiredesk demo on http://{options['host']}:{options['port']}/ (Ctrl-C stops it)")
        run_server(options["host"], options["port"])

    @staticmethod
    def _keep_living(every: float) -> None:
        """New demo stories (and their updates) keep arriving while the demo runs."""
        for seed in itertools.count(int(time.time())):
            time.sleep(every)
            close_old_connections()
            ingest_demo(2, seed=seed)
