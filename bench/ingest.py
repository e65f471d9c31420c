"""Benchmark the ingest pipeline on a generated demo corpus, against a bare XML/JSON parse.

Run from the project root::

    .venv/bin/python bench/ingest.py [--stories 10000] [--seed 1] [--database-url URL] [--profile N] [--stages]

Without ``--database-url`` the run uses SQLite in a fresh temporary ``WIREDESK_HOME``
(removed afterwards unless ``--keep``). It generates the corpus with
``wiredesk.demo.wire.generate_wire`` and then measures, in one process:

- bare parse: ``lxml.etree.fromstring`` / ``json.loads`` of every payload — the floor;
- parse only: ``parse_payload`` of every payload (detect, parse, sanitize), no database;
- ingest: ``Pipeline().ingest_many`` of every payload (archive, parse, decide, store), as
  ``wiredesk ingest`` runs it, after the same ``wiredesk.runtime.settle()``;
- ingest again: the same payloads a second time, where every story should be unchanged.

Rates are story versions per second (a feed with 30 items counts 30). ``--profile N``
also runs the first ingest pass under cProfile and prints the top N functions; ``--stages``
prints the time each stage of the first pass took, and the time spent inside the database
across them (the floor no change to the Python can go below).

Does not change any project file and does not clean a PostgreSQL database: pointed at one
that already holds the corpus, the first pass reports "unchanged" too.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import pstats
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wiredesk.demo.wire import DemoPayload

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATE = 3000.0
TARGET_RATIO = 0.3
JSON_FORMATS = frozenset({"ninjs-3", "ninjs-1", "jsonfeed"})


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=10_000, help="stories to generate (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the demo corpus (default 1)")
    parser.add_argument("--database-url", default="", help="use this database instead of a fresh SQLite one")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile the ingest, print top N")
    parser.add_argument("--stages", action="store_true", help="time each stage of the first ingest pass")
    parser.add_argument("--keep", action="store_true", help="keep the temporary WIREDESK_HOME")
    return parser.parse_args(argv)


def _setup_django(database_url: str) -> Path | None:
    """Point Wiredesk at a fresh temporary home (or the given database) and migrate."""
    home: Path | None = None
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        home = Path(tempfile.mkdtemp(prefix="wiredesk-bench-"))
        os.environ["WIREDESK_HOME"] = str(home)
        os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "wiredesk.settings"
    os.environ.pop("WIREDESK_DEBUG", None)  # DEBUG would keep every SQL query in memory
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    return home


def _timed(run: Callable[[], None]) -> float:
    gc.collect()
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def _bare_parse(payloads: list[DemoPayload]) -> None:
    from lxml import etree

    for payload in payloads:
        if payload.format in JSON_FORMATS:
            json.loads(payload.data)
        else:
            etree.fromstring(payload.data)


def _parse_only(payloads: list[DemoPayload]) -> None:
    from wiredesk.ingest.detect import parse_payload

    for payload in payloads:
        parse_payload(payload.data, url=payload.name)


def _ingest(payloads: list[DemoPayload], actions: Counter[str]) -> None:
    from wiredesk.ingest.pipeline import Pipeline

    # the same path as `wiredesk ingest`: payloads stored in batches (pipeline.BATCH_SIZE)
    items = ((f"bench/{payload.name}", payload.data) for payload in payloads)
    for outcome in Pipeline().ingest_many(items):
        if outcome.error:
            actions["quarantined payload"] += 1
        actions.update(story.action.value for story in outcome.stories)


def _add_agencies() -> None:
    from wiredesk.demo.wire import DEMO_AGENCIES
    from wiredesk.stories.models import Agency

    for slug, name, about, url in DEMO_AGENCIES:
        Agency.objects.get_or_create(slug=slug, defaults={"name": name, "about": about, "url": url})


def _row(label: str, stories: int, seconds: float, note: str = "") -> str:
    rate = stories / seconds if seconds else float("inf")
    return f"| {label:<34} | {stories:>8} | {seconds:>8.2f} | {rate:>10,.0f} | {note}"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table; return 0 when both targets are met."""
    args = _arguments(argv)
    home = _setup_django(args.database_url)
    try:
        return _run(args)
    finally:
        if home is not None and not args.keep:
            shutil.rmtree(home, ignore_errors=True)


def _run(args: argparse.Namespace) -> int:
    from django.db import connection

    from wiredesk.demo.wire import generate_wire
    from wiredesk.ingest.detect import parse_payload

    seconds_generate = time.perf_counter()
    payloads = generate_wire(args.stories, seed=args.seed)
    seconds_generate = time.perf_counter() - seconds_generate
    counts = {p.name: len(parse_payload(p.data).stories) for p in payloads}
    by_format: dict[str, list[DemoPayload]] = {}
    for payload in payloads:
        by_format.setdefault(payload.format, []).append(payload)
    total = sum(counts.values())
    size = sum(len(p.data) for p in payloads)
    print(
        f"corpus: {args.stories} stories, {total} story versions in {len(payloads)} payloads "
        f"({size / 1e6:.1f} MB), generated in {seconds_generate:.2f} s; "
        f"database: {connection.vendor} {connection.settings_dict['NAME']}"
    )

    # as `wiredesk ingest` does at start-up; here after generating the corpus, which stands
    # in for files the command would read batch by batch
    from wiredesk import runtime

    runtime.settle()
    bare = min(_timed(lambda: _bare_parse(payloads)) for _ in range(3))
    parse = _timed(lambda: _parse_only(payloads))
    _add_agencies()
    first: Counter[str] = Counter()
    profiler = cProfile.Profile() if args.profile else None
    stages = _Stages() if args.stages else None
    if profiler:
        profiler.enable()
    ingest = _timed(lambda: _ingest(payloads, first))
    if profiler:
        profiler.disable()
    if stages:
        stages.stop()
    second: Counter[str] = Counter()
    again = _timed(lambda: _ingest(payloads, second))

    print()
    print(f"| {'measure':<34} | {'stories':>8} | {'seconds':>8} | {'stories/s':>10} | note")
    print(f"|{'-' * 36}|{'-' * 10}|{'-' * 10}|{'-' * 12}|------")
    print(_row("bare parse (lxml / json.loads)", total, bare, "best of 3"))
    print(_row("parse only (parse_payload)", total, parse, f"{bare / parse:.2f} of bare"))
    print(_row("ingest, first pass (e2e)", total, ingest, _actions(first)))
    print(_row("ingest, second pass (same bytes)", total, again, _actions(second)))
    print()
    print(f"| {'parse only by format':<34} | {'stories':>8} | {'seconds':>8} | {'stories/s':>10} | bare s/s")
    print(f"|{'-' * 36}|{'-' * 10}|{'-' * 10}|{'-' * 12}|------")
    for name, group in sorted(by_format.items()):
        stories = sum(counts[p.name] for p in group)
        seconds = _timed(lambda group=group: _parse_only(group))  # type: ignore[misc]
        floor = _timed(lambda group=group: _bare_parse(group))  # type: ignore[misc]
        print(_row(f"{name} ({len(group)} payloads)", stories, seconds, f"{stories / floor:,.0f}"))

    rate, ratio = total / ingest, (total / ingest) / (total / bare)
    print()
    print(f"end-to-end ingest: {rate:,.0f} stories/s (target >= {TARGET_RATE:,.0f}): {_ok(rate >= TARGET_RATE)}")
    print(f"ratio ingest / bare parse: {ratio:.3f} (target >= {TARGET_RATIO}): {_ok(ratio >= TARGET_RATIO)}")
    print(f"second pass all unchanged: {_ok(set(second) <= {'unchanged'})}")
    if stages:
        stages.report(ingest, total, bare)
    if profiler:
        _print_profile(profiler, args.profile)
    return 0 if rate >= TARGET_RATE and ratio >= TARGET_RATIO else 1


def _actions(actions: Counter[str]) -> str:
    return ", ".join(f"{name} {count}" for name, count in actions.most_common())


def _ok(passed: bool) -> str:
    return "ok" if passed else "MISSED"


class _Stages:
    """Time the pipeline's stages by wrapping the functions that do them, until ``stop``.

    The wrappers cost about a microsecond a call; what is not in a stage (outcomes, signals'
    dispatch, the transaction's commit) shows as "the rest". Across the stages, the time spent
    inside the database (its statements and commits) is summed too: the floor no Python
    change can go below.
    """

    def __init__(self) -> None:
        from django.db import connection

        from wiredesk.ingest import archive, pipeline, store
        from wiredesk.site import after as site_steps
        from wiredesk.site import search_index

        self.seconds: dict[str, float] = {}
        self.database: dict[str, float] = {"statements": 0.0, "commits": 0.0}
        self.statements: dict[str, float] = {}  # by kind: 'INSERT INTO "stories_story"', …
        self.wrapped: list[tuple[object, str, Callable[..., object]]] = []
        connection.execute_wrappers.append(self._statement)
        self._wrap("commits", connection, "_commit", into=self.database)  # the backend's, below atomic()
        for label, module, name in (
            ("parse (detect, parse, sanitize)", pipeline, "parse_payload"),
            ("archive (hash, compress, insert)", archive, "archive_many"),
            ("load stored stories", store, "load_stories"),
            ("decide", pipeline, "decide"),
            ("write stories, versions, events", store, "write"),
            ("purge page caches", site_steps, "purge_for_stories"),
            ("search index", search_index, "index_stories"),
        ):
            self._wrap(label, module, name)

    def _wrap(self, label: str, module: object, name: str, *, into: dict[str, float] | None = None) -> None:
        """Replace ``module.name`` with a wrapper adding its time to ``into[label]`` (the stages by default)."""
        totals = self.seconds if into is None else into
        original = getattr(module, name)

        def timed(*args: object, **kwargs: object) -> object:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                totals[label] = totals.get(label, 0.0) + time.perf_counter() - started

        setattr(module, name, timed)
        self.wrapped.append((module, name, original))

    def _statement(self, execute: Callable[..., object], sql: str, params: object, many: bool, ctx: object) -> object:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, ctx)
        finally:
            seconds = time.perf_counter() - started
            self.database["statements"] += seconds
            kind = " ".join(sql.split()[:3])
            self.statements[kind] = self.statements.get(kind, 0.0) + seconds

    def stop(self) -> None:
        from django.db import connection

        connection.execute_wrappers.remove(self._statement)
        for module, name, original in self.wrapped:
            setattr(module, name, original)

    def report(self, total: float, stories: int, bare: float) -> None:
        print(f"\nstages of the first pass ({total:.2f} s):")
        rest = total - sum(self.seconds.values())
        for label, seconds in [*self.seconds.items(), ("the rest", rest)]:
            print(f"  {label:<34} {seconds:6.2f} s  {seconds / total:4.0%}")
        inside = sum(self.database.values())
        parts = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in self.database.items())
        print(f"inside the database, across the stages: {inside:.2f} s ({parts}): with no Python at all the")
        print(f"  first pass could not beat {stories / inside:,.0f} stories/s, {bare / inside:.3f} of the bare parse")
        for kind, seconds in sorted(self.statements.items(), key=lambda item: -item[1])[:8]:
            print(f"    {kind[:50]:<50} {seconds:6.3f} s")


def _print_profile(profiler: cProfile.Profile, top: int) -> None:
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order)
        stats.print_stats(top)
        print(f"\n--- cProfile of the first ingest pass, by {order} ---")
        print(out.getvalue().split("\n\n", 1)[-1].rstrip())


if __name__ == "__main__":
    raise SystemExit(main())
