"""``wiredesk worker [--burst]``: run background work — due polls and periodic tasks.

A scheduler loop claims due sources (``polling.claim_due``: SKIP LOCKED on PostgreSQL, so
workers on several machines share the schedule) and enqueues a ``poll_source`` task for
each, enqueues the periodic tasks that are due, then runs the queue with django-tasks-db's
worker. ``--burst`` does one round, drains the queue and exits.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections
from django.utils.crypto import get_random_string
from django.utils.module_loading import import_string
from django_tasks_db.management.commands.db_worker import Worker

from wiredesk import runtime
from wiredesk.sources.polling import claim_due
from wiredesk.sources.tasks import PERIODIC, poll_source


def periodic_tasks() -> dict[str, float]:
    return {**PERIODIC, **settings.WIREDESK_PERIODIC_TASKS}


class Command(BaseCommand):
    # Checks run at migrate/serve; a poller started every minute by cron should start fast.
    requires_system_checks: list[str] = []
    help = "Run background work: polls, then periodic tasks; --burst drains what is pending and exits."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--burst", action="store_true", help="Do what is pending now, then exit.")
        parser.add_argument("--tick", type=float, default=1.0, help="Seconds between scheduler rounds.")

    def handle(self, *args: Any, **options: Any) -> None:
        runtime.settle()
        worker_id = get_random_string(32)
        last_run: dict[str, float] = {}
        while True:
            close_old_connections()
            enqueued = self.schedule_round(last_run)
            Worker(queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False,
                   max_tasks=None, worker_id=worker_id, excluded_queue_names=[]).run()  # fmt: skip
            if options["burst"]:
                self.stdout.write(f"worker: {enqueued} task(s) enqueued this round; queue drained")
                return
            time.sleep(options["tick"])

    @staticmethod
    def schedule_round(last_run: dict[str, float]) -> int:
        """Enqueue polls of the sources this worker claimed and the periodic tasks that are due."""
        sources = claim_due()
        for source in sources:
            poll_source.enqueue(source.pk)
        now = time.monotonic()
        due = [path for path, every in periodic_tasks().items() if now - last_run.get(path, -1e12) >= every]
        for path in due:
            import_string(path).enqueue()
            last_run[path] = time.monotonic()
        return len(sources) + len(due)
