"""``wiredesk.ttl.TTLCache``, the one per-process TTL cache, and the caches that use it (issue #12)."""

from __future__ import annotations

import threading
import time

from wiredesk.ttl import TTLCache


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def counting_cache(clock: Clock, ttl: float = 30.0) -> tuple[TTLCache[int], list[int]]:
    loads: list[int] = []

    def load() -> int:
        loads.append(len(loads) + 1)
        return loads[-1]

    return TTLCache(load, ttl=ttl, clock=clock), loads


def test_the_value_is_loaded_on_first_use_and_kept_for_the_ttl() -> None:
    clock = Clock()
    cache, loads = counting_cache(clock)
    assert loads == []  # nothing is read at import time
    assert cache.get() == 1
    clock.now += 29.9
    assert cache.get() == 1 and loads == [1]
    clock.now += 0.1  # exactly ttl seconds after the load
    assert cache.get() == 2
    clock.now += 10
    assert cache.get() == 2 and loads == [1, 2]


def test_clear_makes_the_next_get_load_again() -> None:
    clock = Clock()
    cache, loads = counting_cache(clock)
    cache.clear()  # clearing an empty cache is harmless
    assert cache.get() == 1
    cache.clear()
    assert cache.get() == 2 and cache.get() == 2 and loads == [1, 2]


def test_the_ttl_counts_from_the_end_of_a_slow_load() -> None:
    clock = Clock()

    def slow() -> str:
        clock.now += 20  # the database took its time
        return "rules"

    cache = TTLCache(slow, ttl=30.0, clock=clock)
    assert cache.get() == "rules"
    clock.now += 29
    assert cache.get() == "rules" and clock.now == 1049  # not reloaded: 29 s since the load ended


def test_a_falsy_value_is_kept_too() -> None:
    clock = Clock()
    loads: list[None] = []
    cache: TTLCache[list[str] | None] = TTLCache(lambda: loads.append(None), ttl=5.0, clock=clock)
    assert cache.get() is None and cache.get() is None and len(loads) == 1  # "no rules" is an answer


def test_readers_never_see_an_expiry_without_its_value() -> None:
    """Threads arriving while the first load runs get a loaded value (they may load too), never none."""
    loads: list[int] = []

    def slow_load() -> int:
        time.sleep(0.05)
        loads.append(len(loads) + 1)
        return loads[-1]

    cache = TTLCache(slow_load, ttl=30.0)
    start = threading.Barrier(8)
    seen: list[object] = []

    def read() -> None:
        start.wait()
        seen.append(cache.get())

    threads = [threading.Thread(target=read) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 8 and all(isinstance(value, int) for value in seen)
    loaded = len(loads)
    assert cache.get() in loads and len(loads) == loaded  # later reads keep what was loaded


def test_the_project_has_one_ttl_cache() -> None:
    """Routing rules, enrichment settings and the next embargo lift all use ``TTLCache``."""
    from wiredesk.enrich import services as enrich
    from wiredesk.routing.services import RULES_TTL, enabled_rules
    from wiredesk.site import cache as site_cache

    assert isinstance(enabled_rules, TTLCache) and enabled_rules.ttl == RULES_TTL
    assert isinstance(enrich._vocabulary, TTLCache) and isinstance(enrich._section_map, TTLCache)
    assert enrich._vocabulary.ttl == enrich._section_map.ttl == enrich.SETTINGS_TTL
    assert isinstance(site_cache._next_lift, TTLCache) and site_cache._next_lift.ttl == site_cache.LIFT_RECHECK
