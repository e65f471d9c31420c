"""``wiredesk vocab load FILE``: load the full IPTC Media Topics vocabulary (JSON)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wiredesk.enrich.vocab import load_vocabulary
from wiredesk.exceptions import WiredeskError


class Command(BaseCommand):
    help = "Load an IPTC vocabulary file (Media Topics JSON as IPTC publishes it)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["load"])
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            created, updated = load_vocabulary(options["file"])
        except WiredeskError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"loaded {options['file']}: {created} topics added, {updated} updated")
