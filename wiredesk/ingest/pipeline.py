"""Orchestrates payloads through detect/parse → archive → decide → store.

The pipeline does not care how bytes were retrieved (``retrieve.py``), how they are parsed
(``formats/``), what the rules are (``decide.py``) or how rows are written (``store.py``).
Payloads are parsed (pure) and then archived, decided and stored in batches, one
transaction each; every payload is archived, and one that cannot be read is quarantined
with its error while the pipeline goes on with the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone

from wiredesk.ingest import archive, store
from wiredesk.ingest.agencies import AgencyResolver
from wiredesk.ingest.decide import decide, version_key
from wiredesk.ingest.detect import parse_payload
from wiredesk.ingest.exceptions import ParseError, PayloadTooLarge
from wiredesk.ingest.types import Action, SkippedItem, StoryData, StoryForUpdate, StoryUpdateIntent
from wiredesk.stories.models import Agency, Section
from wiredesk.stories.signals import stories_changed, stories_created

log = logging.getLogger("wiredesk.ingest")

BATCH_SIZE = 500
"""Payloads stored per transaction. Each batch has a fixed cost (the site's purge, the
search index's statements, the commit): 500 spreads it over enough stories (bench/ingest.py:
8% faster than 200) while one batch still holds the SQLite write lock for well under a second."""
BATCH_BYTES = 32 * 1024 * 1024
"""At most this many payload bytes per batch (one payload over it goes alone): a batch of
large files stays within memory, since a batch's payloads and parse results are held together."""


@dataclass(frozen=True, slots=True)
class StoryOutcome:
    """What happened to one story of a payload; one summary line of ``wiredesk ingest``."""

    action: Action
    agency_id: str
    headline: str
    reason: str
    story_id: int | None = None
    agency: str = ""

    def line(self) -> str:
        return f"{self.action.value} {self.agency_id} {self.headline}".rstrip()


@dataclass(slots=True)
class PayloadOutcome:
    """What happened to one payload: its stories, or why it was quarantined."""

    origin: str
    payload_id: int | None = None
    format: str = ""
    stories: list[StoryOutcome] = field(default_factory=list)
    skipped: tuple[SkippedItem, ...] = ()
    error: str = ""

    @property
    def quarantined(self) -> bool:
        return bool(self.error)

    def lines(self) -> list[str]:
        if self.error:
            return [f"quarantined {self.origin} {self.error}"]
        lines = [s.line() for s in self.stories]
        lines += [f"quarantined {self.origin}#{s.position} {s.reason}" for s in self.skipped]
        return lines


@dataclass(frozen=True, slots=True)
class _Parsed:
    """One payload after the pure steps: its parse result, or why it cannot be read.

    ``data`` is ``None`` when the payload is not even archived (over the size limit).
    ``stories`` are grouped by agency (first seen first), the order outcomes are reported in.
    """

    origin: str
    data: bytes | None
    error: str = ""
    format: str = ""
    skipped: tuple[SkippedItem, ...] = ()
    stories: tuple[tuple[Agency, StoryData], ...] = ()

    def outcome(self, payload_id: int | None = None) -> PayloadOutcome:
        return PayloadOutcome(
            origin=self.origin, payload_id=payload_id, format=self.format, skipped=self.skipped, error=self.error
        )


class Pipeline:
    """Ingest payloads for one desk context: an optional agency, section and hold flag."""

    def __init__(
        self,
        *,
        agency: Agency | None = None,
        section: Section | None = None,
        hold: bool = False,
        clock: Callable[[], datetime] = timezone.now,
    ) -> None:
        self.agency = agency
        self.section = section
        self.hold = hold
        self.clock = clock
        self.agencies = AgencyResolver()

    def ingest(self, data: bytes, *, origin: str = "") -> PayloadOutcome:
        """Archive, parse, decide and store one payload; never raises for bad input."""
        return next(self.ingest_many([(origin, data)]))

    def ingest_many(
        self, items: Iterable[tuple[str, bytes]], *, batch_size: int = BATCH_SIZE, batch_bytes: int = BATCH_BYTES
    ) -> Iterator[PayloadOutcome]:
        """Ingest ``(origin, data)`` pairs; yield one outcome per pair, in input order.

        Payloads are parsed first (pure), then each batch (``batch_size`` payloads, fewer
        when they add up to over ``batch_bytes``) is archived, decided and stored in one
        transaction with a fixed number of queries, versions of one story in different
        payloads of the batch deciding in input order. When that transaction fails (a
        concurrent writer stored the same story meanwhile, …), the batch's payloads are
        stored one by one instead, so one payload's trouble never loses the others.
        Outcomes of a batch are yielded once the batch is stored.
        """
        for batch in batches(items, _payload_bytes, size=max(1, batch_size), max_bytes=batch_bytes):
            parsed = [self._parse(origin, data) for origin, data in batch]
            try:
                outcomes = self._store_batch(parsed)
            except DatabaseError:
                log.warning("storing a batch of %d payloads failed; storing them one by one", len(parsed),
                            exc_info=True)  # fmt: skip
                outcomes = [self._ingest_one(p) for p in parsed]
            yield from outcomes

    def _parse(self, origin: str, data: bytes) -> _Parsed:
        """The pure steps for one payload (plus resolving its agencies, outside any batch)."""
        limit = settings.WIREDESK_MAX_PAYLOAD_BYTES
        if len(data) > limit:
            error = PayloadTooLarge(
                f"The payload is {len(data) / 1e6:.1f} MB, over the {limit / 1e6:.1f} MB limit "
                "(WIREDESK_MAX_PAYLOAD_BYTES)."
            )
            return _Parsed(origin=origin, data=None, error=str(error))
        try:
            result = parse_payload(data, url=origin)
        except ParseError as exc:
            return _Parsed(origin=origin, data=data, error=str(exc))
        by_agency: dict[int, list[tuple[Agency, StoryData]]] = {}
        for story in result.stories:
            agency = self.agency or self.agencies.resolve(story.provider, origin=origin)
            by_agency.setdefault(agency.pk, []).append((agency, story))
        stories = tuple(pair for group in by_agency.values() for pair in group)
        return _Parsed(origin=origin, data=data, format=result.format, skipped=result.skipped, stories=stories)

    def _store_batch(self, batch: list[_Parsed]) -> list[PayloadOutcome]:
        """Archive, decide and store ``batch`` in one transaction; an outcome per payload."""
        archived = [p for p in batch if p.data is not None]
        with transaction.atomic():
            payload_ids = archive.archive_many(
                [(p.data or b"", p.origin, p.error, p.format) for p in archived], agency=self.agency
            )
            payload_of = {id(p): pk for p, pk in zip(archived, payload_ids, strict=True)}
            now = self.clock()
            stories, states = store.load_stories({(a.pk, s.agency_id) for p in batch for a, s in p.stories})
            entries = []
            for parsed in batch:
                for agency, data in parsed.stories:
                    key = (agency.pk, data.agency_id)
                    intent = decide(data, states.get(key), now=now)
                    states[key] = _advance(states.get(key), intent)
                    entries.append(store.Entry(agency, intent, payload_of[id(parsed)]))
            existed = set(stories)
            store.write(entries, stories, now=now, section=self.section, hold=self.hold)
        # bulk writes send no post_save: tell the site which pages to purge, once committed
        changed = {stories[e.key].pk for e in entries if e.intent.store_version and e.key in stories}
        created = sorted(story.pk for key, story in stories.items() if key not in existed)
        if changed:
            stories_changed.send(sender=Pipeline, story_ids=sorted(changed), created=created)
        if created:  # routing rules run on these, once committed
            stories_created.send(sender=Pipeline, story_ids=created)
        outcomes, position = [], 0
        for parsed in batch:
            outcome = parsed.outcome(payload_of.get(id(parsed)))
            if parsed.error:
                log.info("quarantined %s: %s", parsed.origin, parsed.error)
            for entry in entries[position : position + len(parsed.stories)]:
                story = stories.get(entry.key)
                outcome.stories.append(_story_outcome(entry.agency, entry.intent, story.pk if story else None))
            position += len(parsed.stories)
            outcomes.append(outcome)
        return outcomes

    def _ingest_one(self, parsed: _Parsed) -> PayloadOutcome:
        """The fallback: ``parsed`` alone in a batch of its own, decided again on fresh state.

        Tried twice, since the usual failure is a concurrent writer storing the same story
        first; after that the payload is reported as not stored (left pending in the archive,
        so re-processing picks it up) and the others go on.
        """
        failure: DatabaseError | None = None
        for _attempt in range(2):
            try:
                return self._store_batch([parsed])[0]
            except DatabaseError as exc:
                failure = exc
        log.error("could not store %s", parsed.origin, exc_info=failure)
        return PayloadOutcome(origin=parsed.origin, error=f"could not be stored ({type(failure).__name__}: {failure})")


def _payload_bytes(item: tuple[str, bytes]) -> int:
    return len(item[1])


def batches[T](
    items: Iterable[T], weigh: Callable[[T], int], *, size: int = BATCH_SIZE, max_bytes: int = BATCH_BYTES
) -> Iterator[list[T]]:
    """``items`` in consecutive batches of at most ``size`` items weighing ``max_bytes`` in all.

    An item heavier than ``max_bytes`` makes a batch of its own.
    """
    batch: list[T] = []
    total = 0
    for item in items:
        weight = weigh(item)
        if batch and (len(batch) >= size or total + weight > max_bytes):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += weight
    if batch:
        yield batch


def _story_outcome(agency: Agency, intent: StoryUpdateIntent, story_id: int | None) -> StoryOutcome:
    return StoryOutcome(
        action=intent.action, agency_id=intent.data.agency_id, headline=intent.data.headline,
        reason=intent.reason, story_id=story_id, agency=agency.slug,
    )  # fmt: skip


def _advance(state: StoryForUpdate | None, intent: StoryUpdateIntent) -> StoryForUpdate:
    """The state a story would have after ``intent`` (mirrors what ``store`` writes)."""
    if state is None:
        state = StoryForUpdate(story_id=0, current=version_key(intent.data), content_hashes=frozenset(), killed=False)
    if not intent.store_version:
        return state
    current, headline = state.current, state.headline
    if intent.make_current:
        current, headline = version_key(intent.data), intent.data.headline
    # built directly: dataclasses.replace looks the fields up again on every call
    return StoryForUpdate(
        story_id=state.story_id,
        current=current,
        content_hashes=state.content_hashes | {intent.content_hash},
        killed=state.killed or intent.kill,
        headline=headline,
    )
