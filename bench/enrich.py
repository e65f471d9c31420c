"""Benchmark enrichment: its own rate, and ingest with an enrichment worker running beside it.

Run from the project root::

    .venv/bin/python bench/enrich.py [--stories 5000] [--seed 1] [--rounds 2]

Each measurement runs in a child process of its own with a fresh SQLite ``WIREDESK_HOME``
(removed afterwards), on the demo corpus of ``wiredesk.demo.wire.generate_wire``:

- ingest, enrichment off: ``Pipeline().ingest_many`` of every payload;
- ingest, enrichment on: the same, while ``wiredesk enrich --watch`` (the enrichment
  worker: ``enrich_pending`` in a loop, at a lowered CPU priority) runs against the
  same database;
- enrichment: ``enrich_pending()`` over every story the ingest stored, after ingest.

Off and on alternate for ``--rounds`` rounds; the best of each is compared (target: ingest
with enrichment on at least 90% of the rate with it off). Ingest never calls enrichment,
so what this measures is the cost of sharing the database (and the machine) with it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_SLOWDOWN = 0.10


def _setup(home: Path) -> None:
    os.environ["WIREDESK_HOME"] = str(home)
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("WIREDESK_DEBUG", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "wiredesk.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _child_ingest(home: Path, stories: int, seed: int, worker: bool) -> dict[str, float]:
    _setup(home)
    from django.core.management import call_command

    from wiredesk.demo.wire import DEMO_AGENCIES, generate_wire
    from wiredesk.ingest.pipeline import Pipeline
    from wiredesk.stories.models import Agency, Story

    call_command("migrate", verbosity=0)
    for slug, name, about, url in DEMO_AGENCIES:
        Agency.objects.get_or_create(slug=slug, defaults={"name": name, "about": about, "url": url})
    payloads = generate_wire(stories, seed=seed)
    process = None
    if worker:
        # The enrichment worker as it runs in production: `wiredesk enrich --watch`.
        command = [sys.executable, "-m", "wiredesk", "enrich", "--watch", "--every", "0.2"]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
        assert process.stdout is not None
        process.stdout.readline()  # "watching …": Django and the gazetteer are loaded
    versions = 0
    started = time.perf_counter()
    for outcome in Pipeline().ingest_many((f"bench/{p.name}", p.data) for p in payloads):
        versions += len(outcome.stories)
    seconds = time.perf_counter() - started
    result = {"versions": versions, "ingest_seconds": seconds, "stories": Story.objects.count()}
    if process is not None:
        process.terminate()
        process.wait(timeout=60)
        from wiredesk.enrich.models import Enrichment

        result["enriched_during_ingest"] = Enrichment.objects.count()
    else:
        from wiredesk.enrich.services import enrich_pending

        started = time.perf_counter()
        result["enriched"] = enrich_pending()
        result["enrich_seconds"] = time.perf_counter() - started
    return result


def _run_child(stories: int, seed: int, worker: bool) -> dict[str, float]:
    home = Path(tempfile.mkdtemp(prefix="wiredesk-bench-enrich-"))
    try:
        command = [sys.executable, __file__, "--child", "ingest", "--home", str(home)]
        command += ["--stories", str(stories), "--seed", str(seed)] + (["--worker"] if worker else [])
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        return json.loads(output.strip().splitlines()[-1])  # type: ignore[no-any-return]
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--child", choices=["ingest"], help=argparse.SUPPRESS)
    parser.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child == "ingest":
        print(json.dumps(_child_ingest(args.home, args.stories, args.seed, args.worker)))
        return 0

    off, on = [], []
    for _ in range(args.rounds):
        off.append(_run_child(args.stories, args.seed, worker=False))
        on.append(_run_child(args.stories, args.seed, worker=True))
    best_off = min(off, key=lambda r: r["ingest_seconds"])
    best_on = min(on, key=lambda r: r["ingest_seconds"])
    enrich = min(off, key=lambda r: r["enrich_seconds"])
    rate_off = best_off["versions"] / best_off["ingest_seconds"]
    rate_on = best_on["versions"] / best_on["ingest_seconds"]
    enrich_rate = enrich["enriched"] / enrich["enrich_seconds"]
    slowdown = 1 - rate_on / rate_off
    print(
        f"corpus: {args.stories} demo stories, {int(best_off['versions'])} story versions, "
        f"{int(best_off['stories'])} stories stored; SQLite; best of {args.rounds}"
    )
    print()
    print("| measure | stories | seconds | stories/s | note")
    print("|---|---:|---:|---:|---")
    print(
        f"| ingest, enrichment off | {int(best_off['versions'])} | {best_off['ingest_seconds']:.2f} | "
        f"{rate_off:,.0f} | story versions |"
    )
    print(
        f"| ingest, enrichment worker on | {int(best_on['versions'])} | {best_on['ingest_seconds']:.2f} | "
        f"{rate_on:,.0f} | worker enriched {int(best_on['enriched_during_ingest'])} stories meanwhile |"
    )
    print(
        f"| enrichment (enrich_pending) | {int(enrich['enriched'])} | {enrich['enrich_seconds']:.2f} | "
        f"{enrich_rate:,.0f} | stories, after ingest |"
    )
    print()
    ok = slowdown <= MAX_SLOWDOWN
    print(f"ingest slowdown with enrichment on: {slowdown:.1%} (limit {MAX_SLOWDOWN:.0%}): {'ok' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
