"""Benchmark: from a new item appearing at a source to its page being live (p50/p95).

Run from the project root::

    .venv/bin/python bench/latency.py [--items 60] [--every 0.25] [--interval 1]

In a fresh SQLite ``WIREDESK_HOME`` (removed afterwards), with the worker loop of
``wiredesk worker`` (scheduler round + django-tasks-db queue) running in a thread:

- an HTTP source: an RSS feed served on 127.0.0.1 that gains a new item every ``--every``
  seconds (the feed keeps its 50 newest items; conditional GET with ETag), polled every
  ``--interval`` seconds (the smallest interval a source can have);
- a drop folder: NITF files written as ``NAME.tmp`` and renamed when complete, new stories
  and kills of earlier ones.

A sampler thread requests each item's story page through the WSGI stack (as a reader
would, page cache included) until it answers 200 (new) or 410 (killed), and notes when.
Reported per kind: appearance → receipt (poll interval plus fetch), receipt → live
(the target: p95 ≤ 1 s), appearance → live.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_P95 = 1.0


def _setup(home: Path, interval: float) -> None:
    os.environ["WIREDESK_HOME"] = str(home)
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "wiredesk.settings"
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    django.setup()
    settings.WIREDESK_ALLOW_PRIVATE_ADDRESSES = True  # the feed server is on 127.0.0.1
    settings.WIREDESK_POLL_MIN_INTERVAL = interval
    settings.WIREDESK_POLL_JITTER = 0.0
    settings.WIREDESK_DROP_SETTLE_SECONDS = 0.0  # files arrive by rename: complete when seen
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


class Feed:
    """An RSS feed that grows while the benchmark runs; ETag changes with its content."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []
        self.lock = threading.Lock()
        feed = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                from wiredesk.ingest.tests.factories import rss

                with feed.lock:
                    etag = f'"{len(feed.items)}"'
                    body = rss(feed.items[-50:])
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/feed"

    def add(self, guid: str, title: str) -> None:
        with self.lock:
            self.items.append((guid, title))


def _worker(stop: threading.Event) -> None:
    from django.db import close_old_connections
    from django_tasks_db.management.commands.db_worker import Worker

    from wiredesk.sources.management.commands.worker import Command

    last_run: dict[str, float] = {}
    while not stop.is_set():
        close_old_connections()
        Command.schedule_round(last_run)
        Worker(queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False,
               max_tasks=None, worker_id="bench", excluded_queue_names=[]).run()  # fmt: skip
        stop.wait(0.05)


class Sampler:
    """Watches the story pages of pending events until they are live; notes the times."""

    def __init__(self) -> None:
        self.pending: dict[tuple[str, str, str], float] = {}  # (kind, agency, wire_id) → appeared
        self.done: list[tuple[str, float, float, float]] = []  # kind, appeared, received, live
        self.lock = threading.Lock()
        self.superseded = 0

    def expect(self, agency: str, wire_id: str, kind: str) -> None:
        with self.lock:
            self.pending[(kind, agency, wire_id)] = time.time()

    def run(self, stop: threading.Event) -> None:
        from django.test import Client

        from wiredesk.site.links import story_path
        from wiredesk.stories.models import Story

        client = Client()
        while not stop.is_set() or self.pending:
            with self.lock:
                pending = dict(self.pending)
            for (kind, agency, wire_id), appeared in pending.items():
                story = Story.objects.filter(agency__slug=agency, wire_id=wire_id).first()
                if story is None or (kind == "kill" and story.status != "killed"):
                    continue
                if kind != "kill" and story.status == "killed":  # killed before a reader could see it
                    with self.lock:
                        del self.pending[(kind, agency, wire_id)]
                        self.superseded += 1
                    continue
                status = client.get(story_path(story)).status_code
                if status == (410 if kind == "kill" else 200):
                    live = time.time()
                    received = story.versions.order_by("-received").values_list("received", flat=True).first()
                    with self.lock:
                        del self.pending[(kind, agency, wire_id)]
                        self.done.append((kind, appeared, received.timestamp() if received else live, live))
            if stop.is_set() and time.time() > getattr(self, "give_up", float("inf")):
                break
            time.sleep(0.01)


def _warm_up(agency: object) -> None:
    """Render one story page first: the first render compiles templates and loads modules."""
    from django.test import Client

    from wiredesk.ingest.pipeline import Pipeline
    from wiredesk.ingest.tests.factories import rss
    from wiredesk.site.links import story_path
    from wiredesk.stories.models import Story

    Pipeline(agency=agency).ingest(rss([("urn:warm-up", "Warm-up story")]), origin="warm-up")  # type: ignore[arg-type]
    Client().get(story_path(Story.objects.get(wire_id="urn:warm-up")))


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=60, help="New feed items (drop-folder events: half as many).")
    parser.add_argument("--every", type=float, default=0.25, help="Seconds between new items.")
    parser.add_argument("--interval", type=int, default=1, help="Poll interval of the feed, seconds (≥ 1).")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="wiredesk-latency-"))
    try:
        _setup(home, float(args.interval))
        from wiredesk.ingest.tests.factories import nitf
        from wiredesk.sources.models import Source
        from wiredesk.stories import services

        feed, drop = Feed(), home / "drop"
        drop.mkdir()
        agency = services.add_agency("acme", "Acme Wire Service")
        Source.objects.create(agency=agency, kind=Source.Kind.HTTP, address=feed.url, interval=args.interval)
        Source.objects.create(agency=agency, kind=Source.Kind.FOLDER, address=str(drop), interval=args.interval)
        _warm_up(agency)
        stop_worker, stop_sampler = threading.Event(), threading.Event()
        sampler = Sampler()
        threads = [threading.Thread(target=_worker, args=(stop_worker,), daemon=True),
                   threading.Thread(target=sampler.run, args=(stop_sampler,), daemon=True)]  # fmt: skip
        for thread in threads:
            thread.start()
        for i in range(args.items):
            sampler.expect("acme", f"urn:bench:{i}", "new")
            feed.add(f"urn:bench:{i}", f"Bench story {i}")
            if i % 2 == 0:
                doc, n = f"BENCH-{i}", i // 2
                kill = n % 3 == 2  # every third drop-folder event kills the story dropped before it
                if kill:
                    doc = f"BENCH-{i - 2}"
                body = nitf(doc, headline=f"Dropped story {i}", status="canceled" if kill else "usable",
                            version=2 if kill else 1)  # fmt: skip
                tmp = drop / f"{i:05d}.xml.tmp"
                tmp.write_bytes(body)
                sampler.expect("acme", doc, "kill" if kill else "new-folder")
                tmp.rename(drop / f"{i:05d}.xml")
            time.sleep(args.every)
        sampler.give_up = time.time() + 30  # type: ignore[attr-defined]
        stop_sampler.set()
        threads[1].join()
        stop_worker.set()
        threads[0].join(timeout=10)
        feed.httpd.shutdown()
        if sampler.pending:
            from wiredesk.stories.models import Story

            for kind, _agency, wire_id in sorted(sampler.pending):
                story = Story.objects.filter(wire_id=wire_id).first()
                print(f"never live: {kind} {wire_id} {story.status if story else 'not stored'}")
        print(f"{sampler.superseded} new stor(y/ies) killed before they were live (not counted)")
        print(f"{'kind':<11} {'n':>4} {'appear→receipt p50/p95':>24} {'receipt→live p50/p95':>22} "
              f"{'appear→live p50/p95':>21}")  # fmt: skip
        worst = 0.0
        for kind in ("new", "new-folder", "kill", "all"):
            rows = [r for r in sampler.done if kind in ("all", r[0])]
            if not rows:
                continue
            columns = []
            for a, b in ((1, 2), (2, 3), (1, 3)):
                values = [max(0.0, r[b] - r[a]) for r in rows]
                columns.append(f"{statistics.median(values):.3f}/{_pct(values, 0.95):.3f} s")
            if kind == "all":
                worst = _pct([max(0.0, r[3] - r[2]) for r in rows], 0.95)
            print(f"{kind:<11} {len(rows):>4} {columns[0]:>24} {columns[1]:>22} {columns[2]:>21}")
        verdict = "met" if worst <= TARGET_P95 and not sampler.pending else "MISSED"
        print(f"target p95 receipt→live ≤ {TARGET_P95:.0f} s: {verdict} ({worst:.3f} s)")
        return 0 if verdict == "met" else 1
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
