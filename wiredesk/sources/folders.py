"""Drop folders: take complete files one by one, then move each to processed/ or quarantine/.

A file is complete when its name is final (agencies upload as ``name.tmp`` or ``name.part``
and rename; those are never touched) and it is either older than
``WIREDESK_DROP_SETTLE_SECONDS`` or kept the same size and modification time across two
looks (two scans; what was seen is remembered on the source). Each file is ingested on its
own and then moved: a file that cannot be read goes to ``quarantine/`` beside a
``NAME.reason.txt`` saying why, and one bad file never blocks the others.

A worker killed between storing a file and moving it leaves the file in place; the next
scan ingests it again, which changes nothing (ingest is idempotent), and moves it.

Symbolic links are never followed out of the folder (issue #11): a link to a folder is not
walked, and a link to a file outside goes to ``quarantine/`` (the link, not its target) with
the reason. A file too large or unreadable is archived as a record (``ingest.archive``)
before it moves to ``quarantine/``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from wiredesk.ingest.pipeline import PayloadOutcome, Pipeline
from wiredesk.ingest.retrieve import read_file, walk_files
from wiredesk.sources import schedule
from wiredesk.sources.models import Source, SourceRun
from wiredesk.sources.polling import finish, ingest_into

PROCESSED = "processed"
QUARANTINE = "quarantine"
REASON_SUFFIX = ".reason.txt"


Looks = dict[str, list[int]]


def complete_files(root: Path, seen: Looks, *, now: float, settle: float) -> tuple[list[Path], Looks]:
    """The complete files under ``root`` (name order), and what to remember of the others."""
    ready: list[Path] = []
    pending: Looks = {}
    for path in walk_files(root, exclude=frozenset({PROCESSED, QUARANTINE})):
        relative = path.relative_to(root)
        if path.name.endswith(REASON_SUFFIX):
            continue
        try:
            stat = path.stat()
        except FileNotFoundError:  # renamed or taken away between listing and looking
            continue
        look = [stat.st_size, stat.st_mtime_ns]
        if now - stat.st_mtime >= settle or seen.get(str(relative)) == look:
            ready.append(path)
        else:
            pending[str(relative)] = look
    return ready, pending


def scan_folder(source: Source) -> SourceRun:
    """One pass over a drop folder: ingest and move every complete file, one by one."""
    started, clock = timezone.now(), time.monotonic()
    root = Path(source.address)
    if not root.is_dir():
        return finish(source, started, clock, schedule.Outcome.FAILED,
                      error=f"The drop folder {root} does not exist or is not a folder.")  # fmt: skip
    ready, source.drop_seen = complete_files(
        root, source.drop_seen or {}, now=time.time(), settle=settings.WIREDESK_DROP_SETTLE_SECONDS
    )
    outcomes: list[PayloadOutcome] = []
    problems: list[str] = []
    for path in ready:
        reason = _take(source, root, path, outcomes)
        if reason:
            problems.append(f"{path.name}: {reason}")
    error = ""
    if problems:
        error = f"{len(problems)} file(s) quarantined. " + " ".join(problems[:3])
        source.last_error, source.last_error_at = error, timezone.now()
    outcome = schedule.Outcome.CHANGED if ready else schedule.Outcome.UNCHANGED
    run = finish(source, started, clock, outcome, outcomes=outcomes)
    if error:
        SourceRun.objects.filter(pk=run.pk).update(error=error)
        run.error = error
    return run


def _take(source: Source, root: Path, path: Path, outcomes: list[PayloadOutcome]) -> str:
    """Ingest one file and move it; the reason it was quarantined, or ``""``."""
    retrieved = read_file(path, max_bytes=settings.WIREDESK_MAX_PAYLOAD_BYTES, root=root)
    reason = retrieved.error
    if reason and retrieved.size is not None:  # a file too large or unreadable: keep a record of it
        pipeline = Pipeline(agency=source.agency, section=source.section, hold=source.hold)
        outcomes.append(pipeline.record(str(path), reason, size=retrieved.size, head=retrieved.head))
    if not reason:
        try:
            outcome = ingest_into(source, [(str(path), retrieved.data)])[0]
        except Exception as exc:  # noqa: BLE001 - one bad file must never stop the folder
            reason = f"Unexpected error: {exc.__class__.__name__}: {exc}"
        else:
            outcomes.append(outcome)
            reason = outcome.error
    _move(root, path, QUARANTINE if reason else PROCESSED, reason)
    return reason


def _move(root: Path, path: Path, to: str, reason: str) -> Path:
    folder = root / to / path.parent.relative_to(root)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / path.name
    if target.exists():  # the same name dropped again: keep both
        target = folder / f"{path.stem}.{time.strftime('%Y%m%dT%H%M%S')}.{os.getpid()}{path.suffix}"
    if reason:
        target.with_name(target.name + REASON_SUFFIX).write_text(reason + "\n", encoding="utf-8")
    os.replace(path, target)
    return target
