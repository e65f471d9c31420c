"""``wiredesk import wordpress EXPORT.xml [--agency SLUG] [--dry-run]``: a WordPress archive.

Django finds commands by their module's file name, so ``import.py`` serves ``wiredesk
import`` although ``import`` is a keyword (nothing imports this module by that name).
Options beyond the stable interface (`wiredesk import wordpress EXPORT.xml [--agency SLUG] [--dry-run]`):

- ``--own-agency SLUG``: the agency of the site's own posts (``Agency.own``); default: the
  agency already marked own, else one named after ``WIREDESK_SITE_NAME``, created.
- ``--sections FILE``: category → section map, CSV (``category-slug,section-slug`` per line)
  or JSON (``{"category-slug": "section-slug"}``); an empty section slug means none.
- ``--syndication-marker TEXT`` (repeatable): more phrases that mark a post as syndicated.
- ``--batch-size N``, ``--progress auto|always|never``.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.text import slugify

from wiredesk import runtime
from wiredesk.ingest.exceptions import ParseError
from wiredesk.stories.models import Agency
from wiredesk.wordpress.importer import BATCH_SIZE, WordPressImport


class Command(BaseCommand):
    help = "Import an archive from another system (WordPress WXR export); old URLs keep working."

    def add_arguments(self, parser: CommandParser) -> None:
        kinds = parser.add_subparsers(dest="kind", required=True)
        wp = kinds.add_parser("wordpress", help="A WordPress export (Tools → Export, WXR).")
        wp.add_argument("export", help="The WXR file.")
        wp.add_argument("--agency", help="Agency of syndicated posts that name no agency Wiredesk knows.")
        wp.add_argument("--own-agency", help="Agency of the site's own posts (default: the own agency, or one "
                                             "named after WIREDESK_SITE_NAME).")  # fmt: skip
        wp.add_argument("--sections", help="Category → section map: a .csv or .json file.")
        wp.add_argument("--syndication-marker", action="append", default=[], metavar="TEXT",
                        help="A phrase that marks a post as syndicated (besides the provenance sentence).")  # fmt: skip
        wp.add_argument("--dry-run", action="store_true", help="Read and count; write nothing.")
        wp.add_argument("--batch-size", type=int, default=BATCH_SIZE)
        wp.add_argument("--progress", choices=["auto", "always", "never"], default="auto")

    def handle(self, *args: Any, **options: Any) -> None:
        runtime.settle()
        path = Path(options["export"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        agency = None
        if options["agency"]:
            agency = Agency.objects.filter(slug=options["agency"]).first()
            if agency is None:
                raise CommandError(f"No agency {options['agency']!r}: add it with `wiredesk agency add`.")
        section_map = _section_map(options["sections"]) if options["sections"] else None
        job = WordPressImport(
            path=path,
            own_agency=_own_agency(options["own_agency"], create=not options["dry_run"]),
            agency=agency,
            section_map=section_map,
            markers=tuple(options["syndication_marker"]),
            dry_run=options["dry_run"],
            batch_size=max(1, options["batch_size"]),
        )
        show_bar = options["progress"] == "always" or (options["progress"] == "auto" and sys.stderr.isatty())
        try:
            if show_bar:
                from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

                columns = (*Progress.get_default_columns()[:1], BarColumn(), DownloadColumn(), TimeRemainingColumn())
                with Progress(*columns, transient=True) as progress:
                    task = progress.add_task("importing", total=path.stat().st_size)
                    job.progress = lambda done, total: progress.update(task, completed=done)
                    summary = job.run()
            else:
                summary = job.run()
        except ParseError as exc:
            raise CommandError(str(exc)) from exc
        for line in summary.lines(dry_run=options["dry_run"]):
            self.stdout.write(line)


def _own_agency(slug: str | None, *, create: bool) -> Agency | None:
    """The site's own agency; created (or marked own) unless this is a dry run."""
    if slug:
        found = Agency.objects.filter(slug=slug).first()
        if found is None and create:
            return Agency.objects.create(slug=slug, name=settings.WIREDESK_SITE_NAME or slug, own=True)
        if found is not None and not found.own and create:
            found.own = True
            found.save(update_fields=["own"])
        return found
    own = Agency.objects.filter(own=True).order_by("pk").first()
    if own is not None:
        return own
    name = settings.WIREDESK_SITE_NAME or "Newsroom"
    slug = slugify(name)[:60] or "newsroom"
    existing = Agency.objects.filter(slug=slug).first()
    if existing is not None:
        raise CommandError(f"Agency {slug!r} exists and is not marked as the site's own: name the own agency "
                           "with --own-agency SLUG (it will be marked own).")  # fmt: skip
    return Agency.objects.create(slug=slug, name=name, own=True) if create else None


def _section_map(name: str) -> dict[str, str]:
    path = Path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"Cannot read the section map {name}: {exc}") from exc
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise CommandError(f"The section map {name} is not valid JSON: {exc}") from exc
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise CommandError(f"The section map {name} must be an object of category slug → section slug.")
        return {str(k).strip(): v.strip() for k, v in data.items()}
    mapping = {}
    for row in csv.reader(text.splitlines()):
        if not row or row[0].startswith("#") or row[0].strip() in ("category", "category_slug"):
            continue
        if len(row) < 2:
            raise CommandError(f"The section map {name} needs two columns per line: category slug, section slug.")
        mapping[row[0].strip()] = row[1].strip()
    return mapping
