"""Process-wide tuning for the commands that run long or in bulk (``ingest``, ``worker``, ``poll``).

``settle()`` hands what start-up built — Django's apps, models and URL conf, the settings,
the gazetteers and vocabularies — to the cyclic garbage collector's permanent generation
(``gc.freeze``, Python 3.7+), so full collections stop walking it. Those objects live as
long as the process anyway; an ingest allocates enough (parse results, rows) to trigger a
full collection every few thousand stories, and each one walked all of start-up again:
``bench/ingest.py`` spent 0.25 s of 3.7 s in them (docs/benchmarks.md).

Does not disable the collector or change its thresholds: garbage made after ``settle()``
is collected as before. Objects frozen stay out of cyclic collection for good, which is why
it runs once per process, after start-up, and never from library code called per request.
"""

from __future__ import annotations

import gc

_settled = False


def settle() -> None:
    """Collect once, then freeze every object alive now; a no-op after the first call."""
    global _settled
    if _settled:
        return
    _settled = True
    gc.collect()  # garbage of start-up is freed, not frozen
    gc.freeze()
