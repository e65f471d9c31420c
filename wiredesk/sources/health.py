"""What the health page shows per source: last success, last error, items per hour, lags, alerts.

Reads the poll log (``SourceRun``) and the sources; writes nothing. The "quiet" alert uses
``schedule.is_quiet``: a source silent for well beyond its usual rhythm of changes.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Sum
from django.db.models.functions import TruncHour
from django.utils import timezone

from wiredesk.sources import schedule
from wiredesk.sources.models import Source, SourceRun

BAR_WIDTH = 3
CHART_HEIGHT = 32


@dataclass(frozen=True, slots=True)
class Bar:
    x: int
    y: float
    height: float
    count: int
    hour: datetime


@dataclass(slots=True)
class SourceHealth:
    """One row of the health page."""

    source: Source
    hourly: list[int] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    lag_receipt: float | None = None
    lag_publish: float | None = None
    quiet: bool = False
    rhythm: float | None = None

    @property
    def failing(self) -> bool:
        return self.source.failures > 0

    @property
    def alert(self) -> bool:
        return self.source.enabled and (self.quiet or self.failing)

    @property
    def total(self) -> int:
        return sum(self.hourly)

    @property
    def chart_width(self) -> int:
        return len(self.hourly) * BAR_WIDTH


def bars_for(hourly: list[int], start: datetime) -> list[Bar]:
    """Bars of an inline SVG chart, one per hour, scaled to the busiest hour."""
    top = max(hourly, default=0) or 1
    bars = []
    for i, count in enumerate(hourly):
        height = round(CHART_HEIGHT * count / top, 1) if count else 0.0
        bars.append(Bar(x=i * BAR_WIDTH, y=CHART_HEIGHT - height, height=height, count=count,
                        hour=start + timedelta(hours=i)))  # fmt: skip
    return bars


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def source_health(*, days: int = 3, now: datetime | None = None) -> list[SourceHealth]:
    """One ``SourceHealth`` per source, with ``days`` × 24 hourly buckets ending now."""
    now = now or timezone.now()
    start = (now - timedelta(days=days)).replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    hours = days * 24
    runs = SourceRun.objects.filter(started__gte=start)
    hourly: dict[int, list[int]] = defaultdict(lambda: [0] * hours)
    for row in runs.annotate(hour=TruncHour("started")).values("source_id", "hour").annotate(n=Sum("new_items")):
        index = int((row["hour"] - start).total_seconds() // 3600)
        if 0 <= index < hours:
            hourly[row["source_id"]][index] += row["n"] or 0
    lags: dict[int, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    for source_id, receipt, publish in runs.values_list("source_id", "lag_receipt", "lag_publish"):
        if receipt is not None:
            lags[source_id][0].append(receipt)
        if publish is not None:
            lags[source_id][1].append(publish)
    rows = []
    for source in Source.objects.select_related("agency", "section"):
        changes = list(
            SourceRun.objects.filter(source=source, outcome=SourceRun.Outcome.CHANGED)
            .order_by("-started")
            .values_list("started", flat=True)[:20]
        )
        rhythm = schedule.usual_gap(changes)
        quiet = schedule.is_quiet(source.last_change_at, rhythm=rhythm,
                                  interval=source.current_interval or source.interval, now=now)  # fmt: skip
        counts = hourly[source.pk]
        rows.append(SourceHealth(
            source=source, hourly=counts, bars=bars_for(counts, start), rhythm=rhythm, quiet=quiet,
            lag_receipt=_median(lags[source.pk][0]), lag_publish=_median(lags[source.pk][1]),
        ))  # fmt: skip
    return rows
