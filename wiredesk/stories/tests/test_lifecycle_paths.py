"""The three paths that change a story's lifecycle agree: a property test on the real database.

Random histories of one story — agency versions (updates, late versions, re-sends, kills,
revivals, embargoes, headline changes) mixed with desk actions (publish, hold, kill, restore,
headline, review) — are played three ways:

- **pure**: ``decide`` and ``lifecycle.next_state`` folded in memory, as the pipeline does
  inside a batch (``Pipeline._event``, ``pipeline._advance``), and ``next_state`` for the desk;
- **one by one**: every agency version ingested in a batch of its own (the state loaded from
  the database, written by ``store``), every desk action through ``stories.services``;
- **batched**: each run of agency versions ingested in one batch (the pipeline's in-memory
  states carry one version to the next), the desk through ``stories.services``.

After each run of agency versions and after each desk action, the stored lifecycle fields,
what the decider would load (``store.load_stories``) and whether the licence refused the
desk must be the same on all three.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wiredesk.ingest import store
from wiredesk.ingest.decide import decide
from wiredesk.ingest.detect import parse_payload
from wiredesk.ingest.pipeline import Pipeline, _advance
from wiredesk.ingest.types import StoryForUpdate
from wiredesk.stories import licence, lifecycle, services
from wiredesk.stories.models import Agency, Story
from wiredesk.stories.pubtime import agency_publication_time

pytestmark = pytest.mark.django_db
T0 = datetime(2024, 1, 22, 12, 0, tzinfo=UTC)
FIELDS = tuple(f.name for f in fields(lifecycle.StoryState))
_uris = itertools.count(1)


@dataclass(frozen=True)
class Version:
    """One agency version of the story: a ninjs payload."""

    number: int
    minute: int  # versionCreated, minutes after T0 (before or after the desk's actions)
    headline: str
    text: int
    kill: bool
    correction: bool
    embargo_hours: int | None  # after the time it arrives; negative: already over
    filed_minutes: int | None  # firstCreated, minutes before T0

    def payload(self, uri: str, now: datetime) -> bytes:
        item: dict[str, object] = {
            "uri": uri, "type": "text", "version": str(self.number),
            "versionCreated": (T0 + timedelta(minutes=self.minute)).isoformat(),
            "headlines": [{"value": self.headline}],
            "bodies": [{"contentType": "text/html", "value": f"<p>The harbour, text {self.text}.</p>"}],
            "pubStatus": "canceled" if self.kill else "usable",
        }  # fmt: skip
        if self.correction:
            item["signals"] = ["correction"]
        if self.embargo_hours is not None:
            item["embargoedUntil"] = (now + timedelta(hours=self.embargo_hours)).isoformat()
        if self.filed_minutes is not None:
            item["firstCreated"] = (T0 - timedelta(minutes=self.filed_minutes)).isoformat()
        return json.dumps(item).encode()


versions = st.builds(
    Version,
    number=st.integers(1, 4),
    minute=st.integers(-30, 120),
    headline=st.sampled_from(["Harbour reopens", "Harbour shut again"]),
    text=st.integers(0, 2),
    kill=st.sampled_from([False, False, False, True]),
    correction=st.sampled_from([False, False, True]),
    embargo_hours=st.sampled_from([None, None, -1, 3]),
    filed_minutes=st.sampled_from([None, 45]),
)
desk_actions = st.sampled_from(["publish", "hold", "kill", "restore", "headline:Desk words", "headline:", "review"])
histories = st.tuples(st.booleans(), versions, st.lists(st.one_of(versions, desk_actions), min_size=1, max_size=8))


def v(number: int, minute: int = 0, headline: str = "Harbour reopens", *, kill: bool = False,
      embargo: int | None = None, filed: int | None = None) -> Version:  # fmt: skip
    return Version(number, minute, headline, number, kill, False, embargo, filed)


def segments(first: Version, rest: list[Version | str]) -> list[tuple[datetime, list[Version] | str]]:
    """The history as runs of agency versions (one batch each) and single desk actions, with their times."""
    out: list[tuple[datetime, list[Version] | str]] = [(T0, [first])]
    for n, op in enumerate(rest, start=1):
        if isinstance(op, Version) and isinstance(out[-1][1], list):
            out[-1][1].append(op)
        else:
            out.append((T0 + timedelta(minutes=20 * n), [op] if isinstance(op, Version) else op))
    return out


def decider_view(state: StoryForUpdate | None) -> tuple[object, ...] | None:
    return None if state is None else (state.current, state.content_hashes, state.killed, state.headline)


class Pure:
    """The pure path: what the pipeline keeps in memory within a batch, and ``next_state`` for the desk."""

    def __init__(self, agency: Agency, hold: bool) -> None:
        self.pipeline, self.agency = Pipeline(agency=agency, hold=hold), agency
        self.decided: StoryForUpdate | None = None
        self.life: lifecycle.StoryState | None = None
        self.first: tuple[datetime | None, datetime | None, datetime] | None = None  # first version's times

    def ingest(self, run: list[Version], now: datetime, uri: str) -> None:
        for version in run:
            (data,) = parse_payload(version.payload(uri, now), url=uri).stories
            intent = decide(data, self.decided, now=now)
            if intent.store_version:
                self.first = self.first or (data.first_created, data.version_created, now)
                self.life = lifecycle.next_state(self.life, self.pipeline._event(intent, self.life is None, now),
                                                 now=now)  # fmt: skip
                self.decided = _advance(self.decided, intent, self.life)

    def act(self, action: str, now: datetime) -> bool:
        """Whether the licence refused ``action``."""
        assert self.life is not None and self.first is not None
        event: lifecycle.Event
        if action.startswith("headline:"):
            event = lifecycle.DeskHeadline(action.removeprefix("headline:"))
        elif action == "review":
            event = lifecycle.Reviewed()
        else:
            status = {"publish": "published", "restore": "published", "hold": "held", "kill": "killed"}[action]
            filed, created, received = self.first
            published = agency_publication_time(
                first_created=filed, version_created=created, received=min(received, now),
                embargo=self.life.embargoed_until,
            )  # fmt: skip
            event = lifecycle.DeskStatus(status, agency=self.agency.name, published_at=published)
        try:
            self.life = lifecycle.next_state(self.life, event, now=now)
        except licence.LicenceError:
            return True
        return False

    def seen(self) -> tuple[object, ...]:
        return self.life, decider_view(self.decided)


class Stored:
    """A database path: the pipeline (one batch per version, or per run) and ``stories.services``."""

    def __init__(self, agency: Agency, hold: bool, *, batched: bool) -> None:
        self.agency, self.hold, self.batched = agency, hold, batched

    def ingest(self, run: list[Version], now: datetime, uri: str) -> None:
        pipeline = Pipeline(agency=self.agency, hold=self.hold, clock=lambda: now)
        payloads = [(f"{uri}#{n}", v.payload(uri, now)) for n, v in enumerate(run)]
        for outcome in pipeline.ingest_many(payloads, batch_size=len(payloads) if self.batched else 1):
            assert not outcome.quarantined, outcome.error

    def act(self, action: str, now: datetime, uri: str) -> bool:
        story = Story.objects.select_related("agency").get(agency=self.agency, wire_id=uri)
        with mock.patch.object(timezone, "now", lambda: now):
            try:
                if action.startswith("headline:"):
                    services.set_headline(story, action.removeprefix("headline:"), actor="desk")
                elif action == "review":
                    services.mark_reviewed(story, actor="desk")
                else:
                    getattr(services, action)(story, actor="desk")
            except licence.LicenceError:
                return True
        return False

    def seen(self, uri: str) -> tuple[object, ...]:
        row = Story.objects.filter(agency=self.agency, wire_id=uri).values(*FIELDS).get()
        _, states = store.load_stories({(self.agency.pk, uri)})
        return lifecycle.StoryState(**row), decider_view(states.get((self.agency.pk, uri)))


@pytest.fixture
def agencies(db: None) -> tuple[Agency, Agency]:
    return Agency.objects.create(slug="one", name="One by One"), Agency.objects.create(slug="batch", name="Batched")


@settings(max_examples=80, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
@given(history=histories)
# the rules one by one, whatever the random draw finds: a held story published later, at the agency's time
@example(history=(True, v(1, 10, filed=45), ["hold", "publish", "kill", "restore"]))
# a desk headline, then an agency headline change (needs review), one late and one re-sent version in one batch
@example(history=(False, v(1), ["headline:Desk words", v(3, 40, "Harbour shut again"), v(2, 20), v(3, 40,
                                 "Harbour shut again"), "review", "headline:", v(4, 50)]))  # fmt: skip
# an agency kill refuses the desk until a newer usable version lifts it; the desk's own kill stays
@example(history=(False, v(1), [v(2, 10, kill=True), "publish", "kill", v(3, 20), "restore", "hold"]))
# embargoed on arrival; killed on arrival; "last modified" between agency and desk times
@example(history=(False, v(1, 90, embargo=3), ["hold", v(2, -20), v(3, 200), "publish"]))
@example(history=(True, v(1, kill=True), [v(1, 5), "publish", v(2, 5), "publish"]))
def test_pure_one_by_one_and_batched_paths_agree(
    agencies: tuple[Agency, Agency], history: tuple[bool, Version, list[Version | str]]
) -> None:
    hold, first, rest = history
    uri = f"urn:life:{next(_uris)}"
    one, batch = agencies
    pure, single, batched = Pure(one, hold), Stored(one, hold, batched=False), Stored(batch, hold, batched=True)
    for now, op in segments(first, rest):
        if isinstance(op, list):
            for path in (pure, single, batched):
                path.ingest(op, now, uri)
        else:
            refused = pure.act(op, now)
            assert single.act(op, now, uri) == refused, op
            assert batched.act(op, now, uri) == refused, op
        expected = pure.seen()
        assert single.seen(uri) == expected, (now, op)
        assert batched.seen(uri) == expected, (now, op)
