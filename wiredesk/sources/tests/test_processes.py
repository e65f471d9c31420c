"""Real processes: several pollers sharing the schedule, and a worker killed with SIGKILL.

These run ``python -m wiredesk`` subprocesses against their own database: a fresh SQLite
file in a temporary ``WIREDESK_HOME``, or, when the suite runs on PostgreSQL, the database
``wd_sources2`` next to the suite's own (dropped and created here).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from wiredesk.ingest.tests.factories import rss
from wiredesk.sources.tests.feedserver import FeedServer, Reply

SECOND_DB = "wd_sources2"


def _fresh_postgres(url: str) -> str:
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{SECOND_DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{SECOND_DB}"')
    return urlunsplit(parts._replace(path=f"/{SECOND_DB}"))


@pytest.fixture(scope="module")
def cli(tmp_path_factory) -> Iterator[dict[str, str]]:  # type: ignore[no-untyped-def]
    home = tmp_path_factory.mktemp("home")
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(WIREDESK_HOME=str(home), WIREDESK_ALLOW_PRIVATE_ADDRESSES="1", PYTHONUNBUFFERED="1")
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        env["DATABASE_URL"] = _fresh_postgres(os.environ["DATABASE_URL"])
    else:
        env.pop("DATABASE_URL", None)
    wiredesk(env, "migrate", "-v0")
    yield env


def wiredesk(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "wiredesk", *args], env=env, capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def spawn(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "wiredesk", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip


def test_concurrent_pollers_never_poll_a_source_twice_in_one_interval(cli) -> None:
    with FeedServer() as server:
        # A slow answer keeps the first poll busy while the others look for due sources.
        server.routes["/feed"] = Reply(200, rss([("urn:race:1", "Only once")]), delay=0.5)
        wiredesk(cli, "agency", "add", "race", "--name", "Race Wire")
        wiredesk(cli, "source", "add", server.url("/feed"), "--agency", "race", "--every", "300")
        pollers = [spawn(cli, "poll", "--once") for _ in range(3)]
        outputs = [p.communicate(timeout=60) for p in pollers]
        assert all(p.returncode == 0 for p in pollers), [err[-2000:] for _, err in outputs]
        assert server.hits["/feed"] == 1
        assert sum(out.count(" changed ") for out, _ in outputs) == 1
        # Workers through the task queue share the schedule the same way.
        workers = [spawn(cli, "worker", "--burst") for _ in range(2)]
        assert all(w.wait(timeout=60) == 0 for w in workers)
        assert server.hits["/feed"] == 1


CHECK = """
from django.db.models import Count
from wiredesk.stories.models import Story, StoryVersion
stories = Story.objects.filter(agency__slug="bulk")
dupes = stories.values("wire_id").annotate(n=Count("id")).filter(n__gt=1).count()
print(stories.count(), dupes, stories.filter(current_version__isnull=True).count(),
      StoryVersion.objects.filter(story__agency__slug="bulk").count())
"""


def test_worker_killed_mid_ingest_loses_and_duplicates_nothing(cli, tmp_path: Path) -> None:
    files, per_file = 100, 100
    drop = tmp_path / "drop"
    drop.mkdir()
    old = time.time() - 60  # complete files: older than the settle time
    for f in range(files):
        path = drop / f"bulk-{f:03d}.xml"
        path.write_bytes(rss([(f"urn:bulk:{f}:{i}", f"Bulk story {f}-{i}") for i in range(per_file)]))
        os.utime(path, (old, old))
    wiredesk(cli, "agency", "add", "bulk", "--name", "Bulk Wire")
    wiredesk(cli, "source", "add", str(drop), "--agency", "bulk")
    worker = spawn(cli, "worker", "--burst")
    processed = drop / "processed"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and worker.poll() is None:
        if processed.is_dir() and len(list(processed.iterdir())) >= files // 5:
            break
        time.sleep(0.02)
    assert worker.poll() is None, "the worker finished before it could be killed"
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)
    taken = len(list(processed.iterdir()))
    assert 0 < taken < files
    # Restarted: `poll --once --now` takes the folder again (the killed worker's claim stands).
    wiredesk(cli, "poll", "--once", "--now")
    assert len(list(processed.iterdir())) == files and not list(drop.glob("*.xml"))
    stories, dupes, without_version, versions = map(int, wiredesk(cli, "shell", "--no-imports", "-c", CHECK).split())
    assert (stories, dupes, without_version, versions) == (files * per_file, 0, 0, files * per_file)
