"""``wiredesk section add SLUG --name NAME`` and ``section list``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wiredesk.stories import services
from wiredesk.stories.models import Section


class Command(BaseCommand):
    help = "Add or list site sections."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True)
        add = verbs.add_parser("add", help="Add a section, or rename the one with this slug.")
        add.add_argument("slug")
        add.add_argument("--name", required=True)
        verbs.add_parser("list", help="List sections.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verb"] == "list":
            for section in Section.objects.all():
                self.stdout.write(f"{section.slug}\t{section.name}")
            return
        section = services.add_section(options["slug"], options["name"])
        self.stdout.write(f"section {section.slug}: {section.name}")
