"""Polling sources: claim the due ones, fetch or scan them, ingest, log the run, reschedule.

Every way a source's copy is taken in (poll, drop-folder pass, push, WebSub delivery) goes
through :func:`pipeline_of` and ends in :func:`finish`, so the poll log and the health page
see them all alike. When to poll next is decided by the pure ``wiredesk.sources.schedule``;
fetching is ``ingest.retrieve.fetch``'s job, storing stories the ingest pipeline's. Does not
enqueue anything (``tasks.py``, ``worker``).

Claims: :func:`claim_due` locks due rows with ``SELECT … FOR UPDATE SKIP LOCKED`` on
PostgreSQL and moves their ``next_poll_at`` one interval ahead in the same transaction, so
several workers on several machines never poll one source twice in one interval; a worker
killed mid-poll leaves that lease to expire, and the source is polled again one interval
later. SQLite has no row locks, but Wiredesk opens its transactions ``IMMEDIATE`` (one
writer at a time), so the claim is just as exclusive there — SQLite is meant for one
machine, though.
"""

from __future__ import annotations

import logging
import random
import statistics
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from wiredesk.ingest.pipeline import PayloadOutcome, Pipeline
from wiredesk.ingest.retrieve import Credentials, fetch
from wiredesk.ingest.types import Action
from wiredesk.sources import schedule
from wiredesk.sources.models import Source, SourceRun
from wiredesk.stories.models import Story, StoryVersion

log = logging.getLogger("wiredesk.sources")
#: Actions that mean the source had something new for us.
FRESH = frozenset({Action.NEW, Action.UPDATED, Action.KILLED, Action.EMBARGOED})


def bounds() -> schedule.Bounds:
    return schedule.Bounds(
        min_interval=settings.WIREDESK_POLL_MIN_INTERVAL,
        max_interval=settings.WIREDESK_POLL_MAX_INTERVAL,
        backoff_cap=settings.WIREDESK_BACKOFF_CAP,
        jitter=settings.WIREDESK_POLL_JITTER,
    )


def claim_due(*, now: datetime | None = None, everything: bool = False, limit: int = 100) -> list[Source]:
    """Claim the enabled polled sources that are due (or all of them) for this worker.

    Claiming moves ``next_poll_at`` one interval ahead inside the locking transaction; the
    poll itself then sets the real next time.
    """
    now = now or timezone.now()
    with transaction.atomic():
        due = Source.objects.filter(enabled=True).exclude(kind=Source.Kind.PUSH)
        if not everything:
            due = due.filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now))
        claimed = list(
            due.select_for_update(skip_locked=True, of=("self",)).order_by(
                F("next_poll_at").asc(nulls_first=True), "id"
            )[:limit]
        )
        for source in claimed:
            lease = max(source.interval, settings.WIREDESK_POLL_MIN_INTERVAL)
            source.next_poll_at = now + timedelta(seconds=lease)
            Source.objects.filter(pk=source.pk).update(next_poll_at=source.next_poll_at)
    return claimed


def poll(source: Source) -> SourceRun:
    """Poll or scan one source now, whatever its schedule; never raises for the source's faults."""
    if source.kind == Source.Kind.FOLDER:
        from wiredesk.sources.folders import scan_folder

        return scan_folder(source)
    return poll_feed(source)


def poll_feed(source: Source) -> SourceRun:
    """One conditional GET of an HTTP (or WebSub) feed, ingesting it when it changed."""
    started, clock = timezone.now(), time.monotonic()
    fetched = fetch(
        source.address,
        etag=source.etag,
        last_modified=source.last_modified_header,
        credentials=credentials_of(source),
        accept=(200, 304),
        max_bytes=settings.WIREDESK_MAX_PAYLOAD_BYTES,
        allow_private=settings.WIREDESK_ALLOW_PRIVATE_ADDRESSES,
        timeout=settings.WIREDESK_POLL_TIMEOUT,
        max_redirects=settings.WIREDESK_POLL_MAX_REDIRECTS,
    )
    hints = schedule.hints_from(fetched.headers, fetched.data, now=started)
    if fetched.not_modified:
        return finish(source, started, clock, schedule.Outcome.UNCHANGED, hints=hints, http_status=304)
    if fetched.error:
        return finish(source, started, clock, schedule.Outcome.FAILED, hints=hints,
                      http_status=fetched.status or None, error=fetched.error)  # fmt: skip
    outcomes = ingest_into(source, [(fetched.url, fetched.data)])
    error = outcomes[0].error
    if error:
        return finish(source, started, clock, schedule.Outcome.FAILED, hints=hints, http_status=200,
                      error=f"The feed could not be read: {error}", outcomes=outcomes)  # fmt: skip
    # Validators only from a 200 whose content was taken in: a 304 never replaces them.
    source.etag = fetched.headers.get("etag", "")
    source.last_modified_header = fetched.headers.get("last-modified", "")
    from wiredesk.sources.websub import note_hub

    note_hub(source, fetched.headers, fetched.data)
    return finish(source, started, clock, outcome_of(outcomes), hints=hints, http_status=200, outcomes=outcomes)


def credentials_of(source: Source) -> Credentials | None:
    if source.auth == Source.Auth.BASIC:
        return Credentials(username=source.username, password=source.secret)
    if source.auth == Source.Auth.HEADER:
        return Credentials(header_name=source.header_name or "Authorization", header_value=source.secret)
    return None


def pipeline_of(source: Source) -> Pipeline:
    """The ingest pipeline for ``source``'s copy: its agency and default routing (section, hold)."""
    return Pipeline(agency=source.agency, section=source.section, hold=source.hold)


def ingest_into(source: Source, payloads: Iterable[tuple[str, bytes]]) -> list[PayloadOutcome]:
    """Store payloads with the source's agency and default routing (section, hold)."""
    return list(pipeline_of(source).ingest_many(payloads))


def outcome_of(outcomes: Iterable[PayloadOutcome]) -> schedule.Outcome:
    fresh = any(s.action in FRESH for o in outcomes for s in o.stories)
    return schedule.Outcome.CHANGED if fresh else schedule.Outcome.UNCHANGED


@dataclass(frozen=True, slots=True)
class _Lags:
    receipt: float | None = None
    publish: float | None = None


def _lags(outcomes: list[PayloadOutcome], at: datetime) -> _Lags:
    """Median lag from the agency's version time to receipt, and to being public."""
    story_ids = {s.story_id for o in outcomes for s in o.stories if s.action in FRESH and s.story_id}
    payload_ids = {o.payload_id for o in outcomes if o.payload_id}
    if not story_ids or not payload_ids:
        return _Lags()
    rows = StoryVersion.objects.filter(
        story_id__in=story_ids, raw_payload_id__in=payload_ids, version_created__isnull=False
    ).values_list("story_id", "version_created", "received")
    public = set(Story.objects.public().filter(pk__in=story_ids).values_list("pk", flat=True))
    receipt = [max(0.0, (received - created).total_seconds()) for _s, created, received in rows if created]
    publish = [max(0.0, (at - created).total_seconds()) for story, created, _r in rows if created and story in public]
    return _Lags(
        receipt=statistics.median(receipt) if receipt else None,
        publish=statistics.median(publish) if publish else None,
    )


def finish(
    source: Source,
    started: datetime,
    clock: float,
    outcome: schedule.Outcome,
    *,
    hints: schedule.Hints | None = None,
    http_status: int | None = None,
    error: str = "",
    outcomes: list[PayloadOutcome] | None = None,
    reschedule: bool = True,
) -> SourceRun:
    """Log one run, remember success or failure on the source and decide its next poll."""
    now = timezone.now()
    outcomes = outcomes or []
    failed = outcome is schedule.Outcome.FAILED
    source.failures = source.failures + 1 if failed else 0
    source.last_polled_at = now
    if failed:
        source.last_error, source.last_error_at = error, now
    else:
        source.last_success_at = now
        if outcome is schedule.Outcome.CHANGED:
            source.last_change_at = now
    note = ""
    if reschedule and source.polled:
        decision = schedule.decide_next(
            now, outcome=outcome, base=float(source.interval), current=source.current_interval or source.interval,
            failures=source.failures, hints=hints or schedule.Hints(), bounds=bounds(), rng=random.Random(),  # noqa: S311
        )  # fmt: skip
        source.next_poll_at, source.current_interval, note = decision.next_at, decision.interval, decision.reason
    source.save(update_fields=[
        "failures", "last_polled_at", "last_error", "last_error_at", "last_success_at", "last_change_at",
        "next_poll_at", "current_interval", "etag", "last_modified_header", "drop_seen", "websub_hub",
    ])  # fmt: skip
    lags = _lags(outcomes, now)
    run = SourceRun.objects.create(
        source=source,
        started=started,
        duration_ms=int((time.monotonic() - clock) * 1000),
        outcome=outcome.value,
        http_status=http_status,
        items=sum(len(o.stories) for o in outcomes),
        new_items=sum(1 for o in outcomes for s in o.stories if s.action in FRESH),
        error=error,
        note=note[:300],
        lag_receipt=lags.receipt,
        lag_publish=lags.publish,
    )
    if failed:
        log.warning("source %s: %s", source.pk, error)
    return run


def poll_due(*, everything: bool = False, limit: int = 100) -> list[SourceRun]:
    """Claim and poll every due source (or all of them) in this process; the runs."""
    return [poll(source) for source in claim_due(everything=everything, limit=limit)]
