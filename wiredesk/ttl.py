"""One value kept per process for a number of seconds: the project's one TTL cache (issue #12).

Used for what a process reads often and may see a little late: the routing rules
(``routing.services.enabled_rules``), enrichment's vocabulary and section map
(``enrich.services``) and the time of the next embargo lift (``site.cache``). An edit
reaches a running process within the TTL, or at once where the writer calls
:meth:`TTLCache.clear` (a signal handler, a purge, a test).

``load`` runs when the value is first asked for, after ``ttl`` seconds, and after
``clear``; the value and its expiry are replaced together, so a reader never pairs a new
expiry with an old value. Two threads asking at once may both load: the value must be
cheap enough to read twice, and the later read wins. Uses ``time.monotonic`` (a clock
change never keeps a value alive), or ``clock`` in tests.

Does not share anything between processes (that is Django's cache framework, which pickles
every value: too slow for a vocabulary read on every story) and does not bound memory:
it holds one value, whatever its size.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class TTLCache[T]:
    """``load()``'s value, kept for ``ttl`` seconds per process; ``get`` reads, ``clear`` forgets."""

    def __init__(self, load: Callable[[], T], *, ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.load, self.ttl, self.clock = load, ttl, clock
        self._kept: tuple[T, float] | None = None  # (value, expires at)

    def get(self) -> T:
        """The kept value, or a fresh one when there is none or it is ``ttl`` seconds old."""
        kept = self._kept
        if kept is not None and self.clock() < kept[1]:
            return kept[0]
        value = self.load()
        self._kept = (value, self.clock() + self.ttl)
        return value

    def clear(self) -> None:
        """Forget the value: the next ``get`` loads again."""
        self._kept = None
