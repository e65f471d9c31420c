"""The pure scheduling rules: no database, no network."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from wiredesk.sources import schedule
from wiredesk.sources.schedule import Bounds, Hints, Outcome

NOW = datetime(2026, 1, 22, 11, 8, tzinfo=UTC)
NO_JITTER = Bounds(min_interval=60, max_interval=6 * 3600, backoff_cap=3600, jitter=0.0)


def decide(outcome: Outcome, *, base: float = 300, current: float = 300, failures: int = 0,
           hints: Hints = Hints(), bounds: Bounds = NO_JITTER) -> schedule.Decision:  # fmt: skip
    return schedule.decide_next(NOW, outcome=outcome, base=base, current=current, failures=failures, hints=hints,
                                bounds=bounds, rng=random.Random(1))  # fmt: skip


def test_backoff_doubles_up_to_the_cap_and_never_gives_up() -> None:
    delays = [decide(Outcome.FAILED, failures=n).delay for n in range(1, 12)]
    assert delays[:5] == [300, 600, 1200, 2400, 3600]
    assert set(delays[4:]) == {3600}
    assert decide(Outcome.FAILED, failures=10_000).delay == 3600


def test_retry_after_is_honoured_when_longer_but_bounded() -> None:
    assert decide(Outcome.FAILED, failures=1, hints=Hints(retry_after=1800)).delay == 1800
    assert decide(Outcome.FAILED, failures=1, hints=Hints(retry_after=10)).delay == 300
    assert decide(Outcome.FAILED, failures=1, hints=Hints(retry_after=10**9)).delay == 6 * 3600


def test_interval_adapts_to_how_often_the_source_changes() -> None:
    interval = 300.0
    for _ in range(10):
        interval = decide(Outcome.UNCHANGED, current=interval).interval
    assert interval == 300 * schedule.MAX_STRETCH
    interval = decide(Outcome.CHANGED, current=interval).interval
    assert interval == 1200
    for _ in range(5):
        interval = decide(Outcome.CHANGED, current=interval).interval
    assert interval == 300  # never faster than configured


def test_freshness_hints_only_lengthen_within_bounds() -> None:
    assert decide(Outcome.CHANGED, hints=Hints(max_age=900)).delay == 900
    assert decide(Outcome.CHANGED, hints=Hints(max_age=5)).delay == 300
    assert decide(Outcome.CHANGED, hints=Hints(ttl=600, expires_in=1200)).delay == 1200
    assert decide(Outcome.CHANGED, hints=Hints(max_age=10**7)).delay == 6 * 3600
    # max-age overrides Expires (RFC 9111 §4.2.1)
    assert Hints(max_age=100, expires_in=5000).freshness == 100


def test_bounds_floor_and_jitter() -> None:
    assert decide(Outcome.CHANGED, base=1, current=1).delay == 60
    jittered = Bounds(min_interval=60, max_interval=6 * 3600, backoff_cap=3600, jitter=0.1)
    delays = {round(decide(Outcome.UNCHANGED, current=600, bounds=jittered, base=600).delay)} | {
        round(schedule.decide_next(NOW, outcome=Outcome.CHANGED, base=600, current=600, failures=0, hints=Hints(),
                                   bounds=jittered, rng=random.Random(seed)).delay) for seed in range(20)
    }  # fmt: skip
    assert len(delays) > 5 and all(540 <= d <= 990 for d in delays)


def test_header_parsing() -> None:
    assert schedule.parse_retry_after("120", now=NOW) == 120
    assert schedule.parse_retry_after("Thu, 22 Jan 2026 11:10:00 GMT", now=NOW) == 120
    assert schedule.parse_retry_after("soon", now=NOW) is None
    assert schedule.parse_max_age("public, max-age=600") == 600
    assert schedule.parse_max_age("no-cache, max-age=600") is None
    date = "Thu, 22 Jan 2026 11:00:00 GMT"
    assert schedule.parse_expires("Thu, 22 Jan 2026 12:00:00 GMT", date=date, now=NOW) == 3600
    assert schedule.parse_expires("0", date=None, now=NOW) is None
    assert schedule.parse_ttl(b"<rss><channel><ttl> 15 </ttl></channel></rss>") == 900
    assert schedule.parse_ttl(b"<rss/>") is None
    hints = schedule.hints_from({"cache-control": "max-age=60", "retry-after": "5"}, b"<ttl>2</ttl>", now=NOW)
    assert hints == Hints(max_age=60, retry_after=5, ttl=120)


def test_quiet_beyond_the_usual_rhythm() -> None:
    changes = [NOW - timedelta(minutes=m) for m in (60, 50, 40, 30)]
    rhythm = schedule.usual_gap(changes)
    assert rhythm == 600
    assert not schedule.is_quiet(NOW - timedelta(minutes=20), rhythm=rhythm, interval=300, now=NOW)
    assert schedule.is_quiet(NOW - timedelta(minutes=31), rhythm=rhythm, interval=300, now=NOW)
    assert not schedule.is_quiet(NOW - timedelta(minutes=31), rhythm=rhythm, interval=3600, now=NOW)
    assert schedule.usual_gap(changes[:2]) is None
    assert not schedule.is_quiet(None, rhythm=600, interval=60, now=NOW)
