"""When to poll a source next: adaptive interval, backoff, server hints, jitter, quiet alerts.

Pure: takes times, counts, header values and bytes, returns numbers and datetimes. Does not
touch Django, the database or the network; ``wiredesk.sources.polling`` feeds it and stores
what it decides.

The rules, in order (see docs/sources.md):

- after a failure: exponential backoff from the source's interval, capped
  (``Bounds.backoff_cap``, one hour by default) — never giving up; a ``Retry-After`` the
  server sent is honoured when it asks for longer, within ``Bounds.max_interval``;
- after a success: the interval adapts to how often the source really changes (halves
  towards the configured interval when something changed, grows by half when nothing did,
  never above eight times the configured interval); then ``Cache-Control: max-age``,
  ``Expires`` and an RSS ``<ttl>`` may only lengthen it, within ``Bounds.max_interval``;
- every delay is clamped to ``[Bounds.min_interval, Bounds.max_interval]`` (the backoff cap
  may exceed neither) and jittered by ±``Bounds.jitter`` so many sources (and many desks)
  do not hit an agency in lockstep.
"""

from __future__ import annotations

import random
import re
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from enum import StrEnum

#: How much longer than its configured interval an unchanging source may go unpolled.
MAX_STRETCH = 8.0
#: An RSS ``<ttl>`` is looked for only near the top of the document, where the channel is.
TTL_SCAN_BYTES = 64 * 1024
_TTL = re.compile(rb"<(?:\w+:)?ttl>\s*(\d{1,7})\s*</(?:\w+:)?ttl>", re.IGNORECASE)
_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)\"?", re.IGNORECASE)


class Outcome(StrEnum):
    """What one poll found."""

    CHANGED = "changed"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Bounds:
    """The configured limits every computed delay stays within (seconds)."""

    min_interval: float = 60.0
    max_interval: float = 6 * 3600.0
    backoff_cap: float = 3600.0
    jitter: float = 0.1


@dataclass(frozen=True, slots=True)
class Hints:
    """What the server (or the feed) said about when to come back, in seconds from now."""

    max_age: float | None = None
    expires_in: float | None = None
    retry_after: float | None = None
    ttl: float | None = None

    @property
    def freshness(self) -> float | None:
        """The longest freshness the server granted (max-age wins over Expires, as in RFC 9111 §4.2.1)."""
        lifetime = self.max_age if self.max_age is not None else self.expires_in
        candidates = [v for v in (lifetime, self.ttl) if v is not None]
        return max(candidates) if candidates else None


@dataclass(frozen=True, slots=True)
class Decision:
    """When to poll next, the interval to remember, and why (in words, for the poll log)."""

    next_at: datetime
    interval: float
    delay: float
    reason: str


def parse_retry_after(value: str | None, *, now: datetime) -> float | None:
    """Seconds from ``now`` a ``Retry-After`` header asks for (delta-seconds or HTTP-date; RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    when = _http_date(value)
    return None if when is None else max(0.0, (when - now).total_seconds())


def parse_max_age(cache_control: str | None) -> float | None:
    """The ``max-age`` of a ``Cache-Control`` header; ``None`` for no-cache/no-store or none given."""
    if not cache_control:
        return None
    if re.search(r"\bno-(?:cache|store)\b", cache_control, re.IGNORECASE):
        return None
    match = _MAX_AGE.search(cache_control)
    return float(match.group(1)) if match else None


def parse_expires(expires: str | None, *, date: str | None, now: datetime) -> float | None:
    """Seconds until ``Expires``, measured against the server's ``Date`` when it sent one (clock skew)."""
    when = _http_date(expires) if expires else None
    if when is None:
        return None
    reference = (_http_date(date) if date else None) or now
    return max(0.0, (when - reference).total_seconds())


def parse_ttl(body: bytes) -> float | None:
    """An RSS 2.0 channel's ``<ttl>`` (minutes) in seconds, if the feed has one."""
    match = _TTL.search(body[:TTL_SCAN_BYTES])
    return float(match.group(1)) * 60 if match else None


def hints_from(headers: Mapping[str, str], body: bytes, *, now: datetime) -> Hints:
    """Every timing hint of one response; ``headers`` keys are lower-case."""
    return Hints(
        max_age=parse_max_age(headers.get("cache-control")),
        expires_in=parse_expires(headers.get("expires"), date=headers.get("date"), now=now),
        retry_after=parse_retry_after(headers.get("retry-after"), now=now),
        ttl=parse_ttl(body),
    )


def adapt_interval(current: float, *, base: float, changed: bool, bounds: Bounds) -> float:
    """The interval after one successful poll: shorter after a change, longer after none.

    Never below ``base`` (the interval the admin configured: polling faster than that is
    rude however busy the source is) nor above ``MAX_STRETCH`` × ``base``.
    """
    base = _clamp(base, bounds)
    current = max(current, base)
    proposed = current / 2 if changed else current * 1.5
    return min(max(proposed, base), _clamp(base * MAX_STRETCH, bounds))


def backoff_delay(base: float, failures: int, bounds: Bounds) -> float:
    """Delay after ``failures`` consecutive failures: base × 2^(failures-1), capped, never infinite."""
    exponent = min(max(failures - 1, 0), 32)  # 2**32 × anything is already past any cap
    return min(_clamp(base, bounds) * 2.0**exponent, min(bounds.backoff_cap, bounds.max_interval))


def decide_next(
    now: datetime,
    *,
    outcome: Outcome,
    base: float,
    current: float,
    failures: int,
    hints: Hints,
    bounds: Bounds,
    rng: random.Random | None = None,
) -> Decision:
    """Decide when to poll next after a poll that ended in ``outcome``.

    ``failures`` counts consecutive failures including this one (0 after a success);
    ``current`` is the adapted interval before this poll. Does not remember anything: the
    caller stores ``Decision.interval`` and passes it back as ``current`` next time.
    """
    if outcome is Outcome.FAILED:
        interval = current
        delay = backoff_delay(base, failures, bounds)
        reason = f"failure {failures}: backing off {delay:.0f} s"
        if hints.retry_after is not None and hints.retry_after > delay:
            delay = min(hints.retry_after, bounds.max_interval)
            reason = f"failure {failures}: the server asked us to retry after {delay:.0f} s"
    else:
        interval = adapt_interval(current, base=base, changed=outcome is Outcome.CHANGED, bounds=bounds)
        delay = interval
        reason = f"{outcome.value}: interval {interval:.0f} s"
        freshness = hints.freshness
        if freshness is not None and freshness > delay:
            delay = min(freshness, bounds.max_interval)
            reason = f"{outcome.value}: the server says it is fresh for {delay:.0f} s"
        if hints.retry_after is not None and hints.retry_after > delay:
            delay = min(hints.retry_after, bounds.max_interval)
            reason = f"{outcome.value}: the server asked us to come back after {delay:.0f} s"
    delay = _jitter(_clamp(delay, bounds), bounds, rng or random.Random())  # noqa: S311 - not crypto
    return Decision(next_at=now + timedelta(seconds=delay), interval=interval, delay=delay, reason=reason)


def usual_gap(change_times: Sequence[datetime]) -> float | None:
    """The source's usual rhythm: the median gap between its recent changes, in seconds.

    ``None`` until there are at least three changes to judge from.
    """
    ordered = sorted(change_times)
    gaps = [(b - a).total_seconds() for a, b in zip(ordered, ordered[1:], strict=False)]
    return statistics.median(gaps) if len(gaps) >= 2 else None


def is_quiet(
    last_change: datetime | None, *, rhythm: float | None, interval: float, now: datetime, factor: float = 3.0
) -> bool:
    """Whether a source has gone quiet beyond its usual rhythm (for the health page).

    Quiet means: no change for ``factor`` times the usual gap between changes, and at least
    two poll intervals (a source polled hourly cannot look quiet after ten minutes). A source
    with no rhythm yet is never quiet; one that never changed at all is not judged either.
    """
    if last_change is None or rhythm is None:
        return False
    silence = (now - last_change).total_seconds()
    return silence > max(factor * rhythm, 2 * interval)


def _clamp(delay: float, bounds: Bounds) -> float:
    return min(max(delay, bounds.min_interval), bounds.max_interval)


def _jitter(delay: float, bounds: Bounds, rng: random.Random) -> float:
    # Jitter stays inside the bounds too: a configured floor is a promise to the agency.
    spread = delay * bounds.jitter
    return _clamp(delay + rng.uniform(-spread, spread), bounds)


def _http_date(value: str) -> datetime | None:
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo is not None else None
