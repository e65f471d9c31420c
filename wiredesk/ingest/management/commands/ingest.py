"""``wiredesk ingest [--agency SLUG] [--section SLUG] [--hold] PATH_OR_URL...``

Prints one summary line per story (``new|updated|unchanged|stale|killed|embargoed|quarantined
AGENCY_ID HEADLINE``); on a terminal a progress bar shows instead and a summary follows.
Exits with status 1 when any payload was quarantined, after processing all the others.
Payloads are stored in batches (``Pipeline.ingest_many``); each payload's lines are printed
as soon as its batch is stored.
"""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wiredesk.ingest.pipeline import PayloadOutcome, Pipeline
from wiredesk.ingest.retrieve import iter_targets
from wiredesk.stories.models import Agency, Section

BATCH_SIZE = 200


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

        def report(outcome: PayloadOutcome) -> None:
            nonlocal quarantined
            quarantined += bool(outcome.quarantined or outcome.skipped)
            for line in outcome.lines():
                counts[line.split(" ", 1)[0]] += 1
                if not show_bar or line.startswith("quarantined"):
                    self.stdout.write(line)

        def run(advance: Callable[[], None] = lambda: None) -> None:
            # One batch of retrieved payloads at a time: stored in one transaction, reported
            # (in input order, retrieval errors in their place) as soon as it is stored.
            for chunk in itertools.batched(retrieved, BATCH_SIZE):
                good = [(item.origin, item.data) for item in chunk if not item.error]
                outcomes = pipeline.ingest_many(good, batch_size=BATCH_SIZE)
                for item in chunk:
                    report(PayloadOutcome(origin=item.origin, error=item.error) if item.error else next(outcomes))
                    advance()

        if show_bar:
            from rich.progress import Progress

            with Progress(transient=True) as progress:
                task = progress.add_task("ingesting", total=None)
                run(lambda: progress.advance(task))
            self.stdout.write(", ".join(f"{n} {word}" for word, n in sorted(counts.items())) or "nothing ingested")
        else:
            run()
        if quarantined:
            raise CommandError(f"{quarantined} payload(s) quarantined; the others were ingested.", returncode=1)


def _get(model: Any, slug: str | None, what: str, how: str) -> Any:
    if not slug:
        return None
    try:
        return model.objects.get(slug=slug)
    except model.DoesNotExist:
        raise CommandError(f"No {what} {slug!r}: add it first with `{how} {slug} --name ...`.") from None
