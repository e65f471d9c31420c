"""Orchestrates one payload through archive → detect/parse → decide → store.

The pipeline does not care how bytes were retrieved (``retrieve.py``), how they are parsed
(``formats/``), what the rules are (``decide.py``) or how rows are written (``store.py``).
Every payload is archived first; one that cannot be read is quarantined with its error and
the pipeline goes on with the next.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError
from django.utils import timezone

from wiredesk.ingest import archive, store
from wiredesk.ingest.agencies import AgencyResolver
from wiredesk.ingest.decide import decide, version_key
from wiredesk.ingest.detect import parse_payload
from wiredesk.ingest.exceptions import ParseError, PayloadTooLarge
from wiredesk.ingest.types import Action, SkippedItem, StoryData, StoryForUpdate, StoryUpdateIntent
from wiredesk.stories.models import Agency, RawPayload, Section

log = logging.getLogger("wiredesk.ingest")


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
        outcome = PayloadOutcome(origin=origin)
        limit = settings.WIREDESK_MAX_PAYLOAD_BYTES
        if len(data) > limit:
            error = PayloadTooLarge(
                f"The payload is {len(data) / 1e6:.1f} MB, over the {limit / 1e6:.1f} MB limit "
                "(WIREDESK_MAX_PAYLOAD_BYTES)."
            )
            outcome.error = str(error)
            return outcome
        payload = archive.archive_payload(data, origin=origin, agency=self.agency)
        outcome.payload_id = payload.pk
        try:
            result = parse_payload(data, url=origin)
        except ParseError as exc:
            archive.quarantine(payload, str(exc))
            outcome.error = str(exc)
            log.info("quarantined %s: %s", origin, exc)
            return outcome
        outcome.format, outcome.skipped = result.format, result.skipped
        by_agency: dict[int, tuple[Agency, list[StoryData]]] = {}
        for story in result.stories:
            agency = self.agency or self.agencies.resolve(story.provider, origin=origin)
            by_agency.setdefault(agency.pk, (agency, []))[1].append(story)
        for agency, stories in by_agency.values():
            outcome.stories.extend(self._store(agency, stories, payload))
        return outcome

    def _store(self, agency: Agency, stories: list[StoryData], payload: RawPayload) -> list[StoryOutcome]:
        for attempt in (1, 2):
            now = self.clock()
            intents = self._decide_all(agency, stories, now)
            try:
                written = store.write_intents(
                    agency, intents, payload=payload, now=now, section=self.section, hold=self.hold
                )
            except IntegrityError:
                # Another worker stored the same story meanwhile: decide again on fresh state.
                if attempt == 2:
                    raise
                continue
            by_id = {w.story.wire_id: w.story.pk for w in written}
            return [
                StoryOutcome(
                    action=i.action, agency_id=i.data.agency_id, headline=i.data.headline,
                    reason=i.reason, story_id=by_id.get(i.data.agency_id), agency=agency.slug,
                )
                for i in intents
            ]  # fmt: skip
        raise AssertionError("unreachable")

    @staticmethod
    def _decide_all(agency: Agency, stories: list[StoryData], now: datetime) -> list[StoryUpdateIntent]:
        """Decide each story in payload order, so two versions in one payload both count."""
        states = store.load_for_update(agency, (s.agency_id for s in stories))
        intents = []
        for data in stories:
            intent = decide(data, states.get(data.agency_id), now=now)
            states[data.agency_id] = _advance(states.get(data.agency_id), intent)
            intents.append(intent)
        return intents


def _advance(state: StoryForUpdate | None, intent: StoryUpdateIntent) -> StoryForUpdate:
    """The state a story would have after ``intent`` (mirrors what ``store`` writes)."""
    if state is None:
        state = StoryForUpdate(story_id=0, current=version_key(intent.data), content_hashes=frozenset(), killed=False)
    if not intent.store_version:
        return state
    current, headline = state.current, state.headline
    if intent.make_current:
        current, headline = version_key(intent.data), intent.data.headline
    return replace(
        state,
        current=current,
        headline=headline,
        content_hashes=state.content_hashes | {intent.content_hash},
        killed=state.killed or intent.kill,
    )
