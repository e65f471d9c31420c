"""``wiredesk poll --once [--now]``: poll the sources that are due (or all of them now), then exit."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wiredesk import runtime
from wiredesk.sources.polling import poll_due


class Command(BaseCommand):
    # Checks run at migrate/serve; a poller started every minute by cron should start fast.
    requires_system_checks: list[str] = []
    help = "Poll the sources that are due (or, with --now, all of them) once, then exit."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", required=True,
                            help="Poll once and exit (a running poller is `wiredesk worker`).")  # fmt: skip
        parser.add_argument("--now", action="store_true", help="Poll every enabled source, due or not.")

    def handle(self, *args: Any, **options: Any) -> None:
        runtime.settle()
        runs = poll_due(everything=options["now"], limit=10_000)
        for run in runs:
            detail = run.error or run.note
            self.stdout.write(f"{run.source_id} {run.outcome} {run.new_items}/{run.items} {detail}".rstrip())
        if not runs:
            self.stdout.write("no source due")
        if any(run.outcome == "failed" for run in runs) and options["verbosity"] > 1:
            raise CommandError("some sources failed")
