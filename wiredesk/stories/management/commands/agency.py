"""``wiredesk agency add SLUG --name NAME [--about TEXT] [--url URL]`` and ``agency list``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wiredesk.stories import services
from wiredesk.stories.models import Agency


class Command(BaseCommand):
    help = "Add or list news agencies."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True)
        add = verbs.add_parser("add", help="Add an agency, or update the one with this slug.")
        add.add_argument("slug")
        add.add_argument("--name", required=True)
        add.add_argument("--about", default=None, help="Shown in the agency box under each story.")
        add.add_argument("--url", default=None)
        add.add_argument("--own", action="store_true", help="Mark it as the site's own newsroom (not syndicated).")
        verbs.add_parser("list", help="List agencies.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verb"] == "list":
            for agency in Agency.objects.all():
                self.stdout.write(f"{agency.slug}\t{agency.name}\t{agency.stories.count()} stories")
            return
        agency = services.add_agency(options["slug"], options["name"], about=options["about"], url=options["url"])
        if options["own"] and not agency.own:  # the site's own newsroom: pages print no provenance line
            agency.own = True
            agency.save(update_fields=["own"])
        self.stdout.write(f"agency {agency.slug}: {agency.name}")
