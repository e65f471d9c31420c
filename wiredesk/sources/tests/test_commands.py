"""``wiredesk source add``, ``wiredesk poll --once [--now]`` and ``wiredesk worker --burst``, in-process."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from wiredesk.ingest.tests.factories import rss
from wiredesk.sources.models import Source, SourceRun
from wiredesk.sources.tests.feedserver import Reply
from wiredesk.stories.models import Story

pytestmark = pytest.mark.usefixtures("poll_settings")


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_source_add_kinds(agency, tmp_path) -> None:
    assert "added: acme HTTP feed https://example.org/feed" in run("source", "add", "https://example.org/feed",
                                                                   "--agency", "acme", "--every", "120")  # fmt: skip
    folder = tmp_path / "drop"
    run("source", "add", str(folder), "--agency", "acme")
    out = run("source", "add", "--push", "--agency", "acme")
    token = out.split("Bearer ")[1].split("'")[0]
    out = run("source", "add", "https://example.org/private", "--agency", "acme", "--basic-auth", "me:longsecretvalue")
    assert "longsecretvalue" not in out and "ue" in out.split("credential ")[1]
    http, drop, push, private = Source.objects.order_by("id")
    assert (http.kind, http.interval) == ("http", 120)
    assert drop.kind == "folder" and folder.is_dir()
    assert push.kind == "push" and push.check_push_token(token)
    assert (private.auth, private.username, private.secret) == ("basic", "me", "longsecretvalue")
    assert "longsecretvalue" not in run("source", "list")
    with pytest.raises(CommandError, match="No agency"):
        run("source", "add", "https://example.org/", "--agency", "nope")


def test_poll_once_polls_what_is_due_then_everything_with_now(agency, feed_server) -> None:
    feed_server.routes["/feed"] = Reply(200, rss([("urn:acme:1", "One")]), {"ETag": '"1"'})
    run("source", "add", feed_server.url("/feed"), "--agency", "acme", "--every", "600")
    assert " changed 1/1" in run("poll", "--once")
    assert run("poll", "--once") == "no source due\n"
    assert " unchanged" in run("poll", "--once", "--now")
    assert feed_server.hits["/feed"] == 2


@pytest.mark.django_db(transaction=True)
def test_worker_burst_runs_polls_as_tasks(agency, feed_server, tmp_path) -> None:
    from django_tasks_db.models import DBTaskResult

    feed_server.routes["/feed"] = Reply(200, rss([("urn:acme:1", "One"), ("urn:acme:2", "Two")]))
    run("source", "add", feed_server.url("/feed"), "--agency", "acme")
    (tmp_path / "a.xml").write_bytes(rss([("urn:acme:3", "Three")]))
    run("source", "add", str(tmp_path), "--agency", "acme")
    out = run("worker", "--burst")
    assert "queue drained" in out
    assert Story.objects.count() == 3
    assert SourceRun.objects.filter(outcome="changed").count() == 2
    results = DBTaskResult.objects.all()
    assert results.filter(task_path="wiredesk.sources.tasks.poll_source", status="SUCCESSFUL").count() == 2
    assert not results.exclude(status="SUCCESSFUL").exists()


def test_release_embargoes_announces_stories_that_became_public(agency, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from django.utils import timezone

    from wiredesk.sources import tasks
    from wiredesk.stories import after
    from wiredesk.stories.models import Story

    now = timezone.now()
    ended = Story.objects.create(agency=agency, wire_id="ended", embargoed_until=now - timedelta(minutes=5))
    Story.objects.create(agency=agency, wire_id="future", embargoed_until=now + timedelta(hours=1))
    Story.objects.create(agency=agency, wire_id="long-ago", embargoed_until=now - timedelta(days=2))
    heard: list[list[int]] = []
    monkeypatch.setattr(after, "_steps", dict(after._steps))
    after.register("test-listen", lambda changes: heard.append(list(changes.stories)), order=999, does="listens")
    tasks._released_up_to.clear()
    assert tasks.release_embargoes.call() == 1
    assert tasks.release_embargoes.call() == 0  # already announced
    assert heard == [[ended.pk]]
