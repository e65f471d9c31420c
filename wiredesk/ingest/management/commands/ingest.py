"""``wiredesk ingest [--agency SLUG] [--section SLUG] [--hold] PATH_OR_URL...``

Prints one summary line per story (``new|updated|unchanged|stale|killed|embargoed|quarantined
AGENCY_ID HEADLINE``); on a terminal a progress bar shows instead and a summary follows.
Exits with status 1 when any payload was quarantined, after processing all the others.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wiredesk.ingest.pipeline import PayloadOutcome, Pipeline
from wiredesk.ingest.retrieve import iter_targets
from wiredesk.stories.models import Agency, Section


class Command(BaseCommand):
    help = "Ingest wire files, folders (recursively) and URLs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("targets", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument("--agency", help="Slug of the agency that sent these (default: from the payload).")
        parser.add_argument("--section", help="Section slug for new stories.")
        parser.add_argument("--hold", action="store_true", help="Hold new stories instead of publishing them.")
        parser.add_argument("--progress", choices=["auto", "always", "never"], default="auto")

    def handle(self, *args: Any, **options: Any) -> None:
        agency = _get(Agency, options["agency"], "agency", "wiredesk agency add")
        section = _get(Section, options["section"], "section", "wiredesk section add")
        pipeline = Pipeline(agency=agency, section=section, hold=options["hold"])
        retrieved = iter_targets(
            options["targets"],
            max_bytes=settings.WIREDESK_MAX_PAYLOAD_BYTES,
            allow_private=settings.WIREDESK_ALLOW_PRIVATE_ADDRESSES,
        )
        show_bar = options["progress"] == "always" or (options["progress"] == "auto" and sys.stdout.isatty())
        counts: Counter[str] = Counter()
        quarantined = 0

        def run_one(item: Any) -> None:
            nonlocal quarantined
            if item.error:
                outcome = PayloadOutcome(origin=item.origin, error=item.error)
            else:
                outcome = pipeline.ingest(item.data, origin=item.origin)
            quarantined += bool(outcome.quarantined or outcome.skipped)
            for line in outcome.lines():
                counts[line.split(" ", 1)[0]] += 1
                if not show_bar or line.startswith("quarantined"):
                    self.stdout.write(line)

        if show_bar:
            from rich.progress import Progress

            with Progress(transient=True) as progress:
                task = progress.add_task("ingesting", total=None)
                for item in retrieved:
                    run_one(item)
                    progress.advance(task)
            self.stdout.write(", ".join(f"{n} {word}" for word, n in sorted(counts.items())) or "nothing ingested")
        else:
            for item in retrieved:
                run_one(item)
        if quarantined:
            raise CommandError(f"{quarantined} payload(s) quarantined; the others were ingested.", returncode=1)


def _get(model: Any, slug: str | None, what: str, how: str) -> Any:
    if not slug:
        return None
    try:
        return model.objects.get(slug=slug)
    except model.DoesNotExist:
        raise CommandError(f"No {what} {slug!r}: add it first with `{how} {slug} --name ...`.") from None
