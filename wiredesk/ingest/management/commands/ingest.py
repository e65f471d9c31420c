"""``wiredesk ingest [--agency SLUG] [--section SLUG] [--hold] PATH_OR_URL...``, and
``wiredesk ingest --archive all|quarantined`` to re-process the raw archive.

Prints one summary line per story (``new|updated|unchanged|stale|killed|embargoed|quarantined
AGENCY_ID HEADLINE``); on a terminal a progress bar shows instead and a summary follows.
Exits with status 1 when any payload was quarantined, after processing all the others; a
file too large or unreadable counts, and is archived as a record (``archive``). Origins and
headlines are printed with control characters escaped, one line each whatever a file is named.
Payloads are stored in batches (``Pipeline.ingest_many``); each payload's lines are printed
as soon as its batch is stored.
"""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wiredesk import runtime
from wiredesk.ingest.archive import iter_archived
from wiredesk.ingest.pipeline import PayloadOutcome, Pipeline, batches
from wiredesk.ingest.retrieve import Retrieved, iter_targets
from wiredesk.stories.models import Agency, Section


class Command(BaseCommand):
    help = "Ingest wire files, folders (recursively) and URLs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("targets", nargs="*", metavar="PATH_OR_URL")
        parser.add_argument(
            "--archive",
            choices=["all", "quarantined"],
            help="Re-process archived payloads instead (each with the agency it came in with).",
        )
        parser.add_argument("--agency", help="Slug of the agency that sent these (default: from the payload).")
        parser.add_argument("--section", help="Section slug for new stories.")
        parser.add_argument("--hold", action="store_true", help="Hold new stories instead of publishing them.")
        parser.add_argument("--progress", choices=["auto", "always", "never"], default="auto")

    def handle(self, *args: Any, **options: Any) -> None:
        runtime.settle()
        agency = _get(Agency, options["agency"], "agency", "wiredesk agency add")
        section = _get(Section, options["section"], "section", "wiredesk section add")
        if bool(options["targets"]) == bool(options["archive"]):
            raise CommandError("Name files, folders or URLs to ingest, or --archive (not both).")
        pipelines: dict[int | None, Pipeline] = {}

        def pipeline_for(agency_id: int | None) -> Pipeline:
            # archived payloads keep the agency they came in with (--agency at the time)
            if agency_id not in pipelines:
                chosen = agency or (Agency.objects.filter(pk=agency_id).first() if agency_id else None)
                pipelines[agency_id] = Pipeline(agency=chosen, section=section, hold=options["hold"])
            return pipelines[agency_id]

        if options["archive"]:
            archived = iter_archived(quarantined_only=options["archive"] == "quarantined")
            retrieved: Iterable[tuple[int | None, Retrieved]] = (
                (agency_id, Retrieved(origin=origin, data=data)) for agency_id, origin, data in archived
            )
        else:
            targets = iter_targets(
                options["targets"],
                max_bytes=settings.WIREDESK_MAX_PAYLOAD_BYTES,
                allow_private=settings.WIREDESK_ALLOW_PRIVATE_ADDRESSES,
            )
            retrieved = ((None, item) for item in targets)
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
            # Consecutive payloads of one agency go together, so arrival order is kept.
            for agency_id, group in itertools.groupby(retrieved, key=lambda pair: pair[0]):
                pipeline = pipeline_for(agency_id)
                for chunk in batches((item for _, item in group), _weight):
                    good = [(item.origin, item.data) for item in chunk if not item.error]
                    outcomes = pipeline.ingest_many(good)
                    for item in chunk:
                        report(next(outcomes) if not item.error else _unread(pipeline, item))
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


def _weight(item: Retrieved) -> int:
    return len(item.data or b"")


def _unread(pipeline: Pipeline, item: Retrieved) -> PayloadOutcome:
    """The outcome of a target that gave no payload; a file too large or unreadable is archived as a record."""
    if item.size is None:  # nothing there (a missing path, a refused link, an HTTP error)
        return PayloadOutcome(origin=item.origin, error=item.error)
    return pipeline.record(item.origin, item.error, size=item.size, head=item.head)


def _get(model: Any, slug: str | None, what: str, how: str) -> Any:
    if not slug:
        return None
    try:
        return model.objects.get(slug=slug)
    except model.DoesNotExist:
        raise CommandError(f"No {what} {slug!r}: add it first with `{how} {slug} --name ...`.") from None
