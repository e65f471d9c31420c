"""Orchestrates payloads through detect/parse → archive → decide → store.

The pipeline does not care how bytes were retrieved (``retrieve.py``), how they are parsed
(``formats/``), what the rules are (``decide.py``) or how rows are written (``store.py``).
Payloads are parsed (pure) and then archived, decided and stored in batches, one
transaction each; every payload is archived, and one that cannot be read is quarantined
with its error while the pipeline goes on with the others.

One bad payload never costs another (docs/architecture.md, "Lifecycle rules"; issue #11):
any ``Exception`` while parsing, deciding or storing one payload quarantines that payload,
with the reason in words, and the others are stored. A batch whose transaction fails for any
reason is stored again payload by payload; a payload that fails alone is archived as
quarantined in a transaction of its own (the failed one took its archive row with it).
``BaseException`` (``KeyboardInterrupt``, ``SystemExit``) is never caught.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone

from wiredesk.ingest import archive, store
from wiredesk.ingest.agencies import AgencyResolver
from wiredesk.ingest.decide import decide, version_key
from wiredesk.ingest.detect import parse_payload
from wiredesk.ingest.exceptions import ParseError, ParserFailed, PayloadTooLarge
from wiredesk.ingest.normalize import escape_text
from wiredesk.ingest.types import Action, SkippedItem, StoryData, StoryForUpdate, StoryUpdateIntent
from wiredesk.stories import after, lifecycle
from wiredesk.stories.models import Agency, Section
from wiredesk.stories.pubtime import agency_publication_time

log = logging.getLogger("wiredesk.ingest")

BATCH_SIZE = 500
"""Payloads stored per transaction. Each batch has a fixed cost (the site's purge, the
search index's statements, the commit): 500 spreads it over enough stories (bench/ingest.py:
8% faster than 200) while one batch still holds the SQLite write lock for well under a second."""
BATCH_BYTES = 32 * 1024 * 1024
"""At most this many payload bytes per batch (one payload over it goes alone): a batch of
large files stays within memory, since a batch's payloads and parse results are held together."""


class StoryOutcome(NamedTuple):
    """What happened to one story of a payload; one summary line of ``wiredesk ingest``.

    A ``NamedTuple`` (immutable like a frozen dataclass): one is made per story on the hot
    path, and a frozen dataclass took three times as long to build (bench/ingest.py).
    """

    action: Action
    agency_id: str
    headline: str
    reason: str
    story_id: int | None = None
    agency: str = ""

    def line(self) -> str:
        """The summary line; one line whatever the id and headline hold (``normalize.escape_text``)."""
        return escape_text(f"{self.action.value} {self.agency_id} {self.headline}".rstrip())


@dataclass(slots=True)
class PayloadOutcome:
    """What happened to one payload: its stories, or why it was quarantined.

    ``payload_id`` is its archive row (``None`` only when even archiving failed, or for a
    target that was no payload, such as a missing file); ``too_large`` says it was over
    ``WIREDESK_MAX_PAYLOAD_BYTES``.
    """

    origin: str
    payload_id: int | None = None
    format: str = ""
    stories: list[StoryOutcome] = field(default_factory=list)
    skipped: tuple[SkippedItem, ...] = ()
    error: str = ""
    too_large: bool = False

    @property
    def quarantined(self) -> bool:
        return bool(self.error)

    def lines(self) -> list[str]:
        """The summary lines, one per story or quarantined item; control characters escaped."""
        if self.error:
            return [escape_text(f"quarantined {self.origin} {self.error}")]
        lines = [s.line() for s in self.stories]
        lines += [escape_text(f"quarantined {self.origin}#{s.position} {s.reason}") for s in self.skipped]
        return lines


@dataclass(slots=True)  # not frozen: one per payload on the hot path, built four times faster
class _Parsed:
    """One payload after the pure steps: its parse result, or why it cannot be read.

    ``item`` is what the archive keeps: the payload, or a record of it (``archive.Item``).
    ``stories`` are grouped by agency (first seen first), the order outcomes are reported in.
    """

    item: archive.Item
    format: str = ""
    skipped: tuple[SkippedItem, ...] = ()
    stories: tuple[tuple[Agency, StoryData], ...] = ()
    too_large: bool = False

    @property
    def origin(self) -> str:
        return self.item.origin

    @property
    def error(self) -> str:
        return self.item.error

    def outcome(self, payload_id: int | None = None) -> PayloadOutcome:
        return PayloadOutcome(origin=self.origin, payload_id=payload_id, format=self.format, skipped=self.skipped,
                              error=self.error, too_large=self.too_large)  # fmt: skip


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
        Outcomes of a batch are yielded once the batch is stored; no ``Exception`` escapes.
        """
        for batch in batches(items, _payload_bytes, size=max(1, batch_size), max_bytes=batch_bytes):
            parsed = [self._parse(origin, data) for origin, data in batch]
            try:
                outcomes = self._store_batch(parsed)
            except Exception:  # noqa: BLE001 - any failure: each payload on its own, so only its own is lost
                log.warning("storing a batch of %d payloads failed; storing them one by one", len(parsed),
                            exc_info=True)  # fmt: skip
                outcomes = [self._ingest_one(p) for p in parsed]
            yield from outcomes

    def record(self, origin: str, error: str, *, size: int, head: bytes = b"") -> PayloadOutcome:
        """Archive a record of a payload that could not be read whole (too large, unreadable), quarantined.

        For retrievers that never had the bytes (``wiredesk ingest`` refuses to read a file
        over the limit); ``head`` is what was read of it, ``size`` its size. See ``archive``.
        """
        head = head[: archive.HEAD_BYTES]
        item = archive.Item(data=head, origin=origin, error=escape_text(error), size=size,
                            sha256=archive.record_digest(origin, size, head))  # fmt: skip
        log.info("quarantined %s: %s", origin, item.error)
        return self._archive_alone(_Parsed(item=item), item.error)

    def _parse(self, origin: str, data: bytes) -> _Parsed:
        """The pure steps for one payload (plus resolving its agencies, outside any batch)."""
        limit = settings.WIREDESK_MAX_PAYLOAD_BYTES
        if len(data) > limit:
            too_large = PayloadTooLarge(
                f"The payload is {_size(len(data))}, over the {_size(limit)} limit (WIREDESK_MAX_PAYLOAD_BYTES); "
                f"only its first {min(limit, archive.HEAD_BYTES)} bytes are kept."
            )
            record = archive.Item(data=data[: min(limit, archive.HEAD_BYTES)], origin=origin, error=str(too_large),
                                  size=len(data), sha256=hashlib.sha256(data).hexdigest())  # fmt: skip
            return _Parsed(item=record, too_large=True)
        try:
            result = parse_payload(data, url=origin)
            by_agency: dict[int, list[tuple[Agency, StoryData]]] = {}
            for story in result.stories:
                agency = self.agency or self.agencies.resolve(story.provider, origin=origin)
                by_agency.setdefault(agency.pk, []).append((agency, story))
        except ParseError as exc:
            if isinstance(exc, ParserFailed):  # a parser bug: worth its traceback in the log
                log.error("parsing %s failed unexpectedly", origin, exc_info=exc)
            return _Parsed(item=archive.Item(data=data, origin=origin, error=escape_text(str(exc))))
        except Exception as exc:  # noqa: BLE001 - a bug (parse_payload raises ParseError only), but this payload's
            log.exception("reading %s failed unexpectedly", origin)
            error = escape_text(f"could not be read ({type(exc).__name__}: {exc})")
            return _Parsed(item=archive.Item(data=data, origin=origin, error=error))
        stories = tuple(pair for group in by_agency.values() for pair in group)
        item = archive.Item(data=data, origin=origin, format=result.format)
        return _Parsed(item=item, format=result.format, skipped=result.skipped, stories=stories)

    def _store_batch(self, batch: list[_Parsed]) -> list[PayloadOutcome]:
        """Archive, decide and store ``batch`` in one transaction; an outcome per payload."""
        with transaction.atomic():
            payload_ids = archive.archive_many([p.item for p in batch], agency=self.agency)
            payload_of = {id(p): pk for p, pk in zip(batch, payload_ids, strict=True)}
            now = self.clock()
            stories, states = store.load_stories({(a.pk, s.agency_id) for p in batch for a, s in p.stories})
            lives: dict[store.StoryKey, lifecycle.StoryState] = {}  # after the batch's versions so far
            entries = []
            for parsed in batch:
                for agency, data in parsed.stories:
                    key = (agency.pk, data.agency_id)
                    state = states.get(key)
                    intent = decide(data, state, now=now)
                    if intent.store_version:
                        life = lives.get(key)
                        if life is None and key in stories:
                            life = store.lifecycle_state(stories[key])
                        lives[key] = life = lifecycle.next_state(life, self._event(intent, life is None, now), now=now)
                        states[key] = _advance(state, intent, life)
                    entries.append(store.Entry(agency, intent, payload_of[id(parsed)]))
            existed = set(stories)
            store.write(entries, stories, lives, now=now, section=self.section)
        # committed: what follows a stored batch is the after-commit steps (stories/after.py)
        changed = {stories[e.key].pk for e in entries if e.intent.store_version and e.key in stories}
        if changed:
            created = {story.pk for key, story in stories.items() if key not in existed}
            after.run(after.Changes(stories=tuple(sorted(changed)), created=frozenset(created)))
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

    def _event(self, intent: StoryUpdateIntent, new: bool, now: datetime) -> lifecycle.AgencyVersion:
        """What ``intent`` is for the story's lifecycle; ``new``: the story is first seen."""
        data = intent.data
        if not new:
            return lifecycle.AgencyVersion(
                data.version_created, intent.make_current, intent.kill, intent.revive, intent.headline_changed
            )
        # listed at the agency's publication time, not now: lists sort by it (issue #11)
        embargo = data.embargoed if intent.action is Action.EMBARGOED else None
        published = agency_publication_time(
            first_created=data.first_created, version_created=data.version_created, received=now, embargo=embargo
        )
        return lifecycle.AgencyVersion(data.version_created, intent.make_current, intent.kill, intent.revive,
                                       intent.headline_changed, self.hold, embargo, published)  # fmt: skip

    def _ingest_one(self, parsed: _Parsed) -> PayloadOutcome:
        """The fallback: ``parsed`` alone in a batch of its own, decided again on fresh state.

        A database error is tried twice, since the usual one is a concurrent writer storing
        the same story first; any other error once, since the same data fails the same way.
        After that the payload is quarantined with the reason (``--archive quarantined``
        retries it) and the others go on.
        """
        failure: Exception = RuntimeError("not tried")
        for _attempt in range(2):
            try:
                return self._store_batch([parsed])[0]
            except DatabaseError as exc:
                failure = exc
            except Exception as exc:  # noqa: BLE001 - whatever it is, it is this payload's alone
                failure = exc
                break
        reason = escape_text(f"could not be stored ({type(failure).__name__}: {failure})")
        log.error("could not store %s: %s", parsed.origin, reason, exc_info=failure)
        return self._archive_alone(parsed, reason)

    def _archive_alone(self, parsed: _Parsed, error: str) -> PayloadOutcome:
        """Archive ``parsed`` as quarantined with ``error``, in a transaction of its own; no story stored."""
        outcome = PayloadOutcome(origin=parsed.origin, error=error, too_large=parsed.too_large)
        try:
            with transaction.atomic():
                item = archive.Item(data=parsed.item.data, origin=parsed.origin, error=error,
                                    size=parsed.item.size, sha256=parsed.item.sha256)  # fmt: skip
                (outcome.payload_id,) = archive.archive_many([item], agency=self.agency)
        except Exception:  # noqa: BLE001 - the outcome still says why; the log says the rest
            log.exception("could not archive %s either", parsed.origin)
        return outcome


def _payload_bytes(item: tuple[str, bytes]) -> int:
    return len(item[1])


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n} bytes"


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


def _advance(state: StoryForUpdate | None, intent: StoryUpdateIntent, life: lifecycle.StoryState) -> StoryForUpdate:
    """What the decider knows of a story after its version ``intent`` was stored, in ``life``.

    The agency's kill is the lifecycle's (``life.agency_killed``); the rest is the decider's
    own memory: the current version's key and headline, the content hashes stored.
    """
    if state is None:  # a story first seen: its one state built at once (the hot path's common case)
        return StoryForUpdate(
            story_id=0,
            current=version_key(intent.data),
            content_hashes=frozenset((intent.content_hash,)),
            killed=life.agency_killed,
            headline=intent.data.headline if intent.make_current else "",
        )
    current, headline = state.current, state.headline
    if intent.make_current:
        current, headline = version_key(intent.data), intent.data.headline
    # built directly: dataclasses.replace looks the fields up again on every call
    return StoryForUpdate(
        story_id=state.story_id,
        current=current,
        content_hashes=state.content_hashes | {intent.content_hash},
        killed=life.agency_killed,
        headline=headline,
    )
