"""The after-commit steps: one documented list, run by every path that changes stories."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from wiredesk.enrich.services import enrich_pending
from wiredesk.ingest.pipeline import Pipeline
from wiredesk.ingest.tests.factories import ninjs
from wiredesk.sources.tasks import _released_up_to, release_embargoes
from wiredesk.stories import after, services
from wiredesk.stories.models import Agency, Section, Story

ARCHITECTURE = Path(__file__).resolve().parents[3] / "docs" / "architecture.md"


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[after.Changes]]:
    """Every ``Changes`` the steps are run on, recorded by a last step (the real ones run too)."""
    changes: list[after.Changes] = []
    monkeypatch.setattr(after, "_steps", dict(after._steps))
    after.register("test-record", changes.append, order=999, does="records")
    yield changes


@pytest.fixture
def acme(db: None) -> Agency:
    return Agency.objects.create(slug="acme", name="Acme Wire Service")


def _story(agency: Agency, uri: str = "urn:acme:1", **extra: object) -> Story:
    outcome = Pipeline(agency=agency).ingest(ninjs(uri, **extra), origin=uri)  # type: ignore[arg-type]
    assert not outcome.quarantined, outcome.error
    return Story.objects.select_related("agency", "section").get(wire_id=uri)


def test_the_steps_in_the_order_they_run() -> None:
    assert after.describe() == [
        "10 route-new-stories: apply the routing rules (section, status, tags) to stories just created",
        "20 index-for-search: rewrite the search documents of stories whose text may have changed",
        "30 purge-pages: purge the cached pages, feeds and sitemaps the stories show on",
    ]


def test_docs_list_the_registered_steps_in_order() -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    section = text.split("## What happens after a batch is stored", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\d+\. `([a-z-]+)` \(order (\d+)", section, re.M)
    assert documented == [(step.name, str(step.order)) for step in after.steps()]


def test_two_steps_never_share_an_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(after, "_steps", dict(after._steps))
    with pytest.raises(ValueError, match="'purge-pages' already runs at order 30"):
        after.register("another", print, order=30, does="clashes")
    after.register("purge-pages", print, order=30, does="replaced by name")
    assert after.steps()[-1].does == "replaced by name"


def test_a_failing_step_is_logged_and_the_next_one_runs(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(after, "_steps", {})
    ran: list[str] = []

    def broken(changes: after.Changes) -> None:
        ran.append("broken")
        raise RuntimeError("index down")

    after.register("second", lambda changes: ran.append("second"), order=2, does="")
    after.register("first", broken, order=1, does="")
    after.run(after.Changes(stories=(7,)))
    assert ran == ["broken", "second"]
    assert "after-commit step first failed for stories [7]" in caplog.text
    after.run(after.Changes(stories=()))  # nothing changed: no step runs
    assert ran == ["broken", "second"]


def test_an_ingest_batch_runs_the_steps_once_with_the_stories_it_created(
    acme: Agency, heard: list[after.Changes]
) -> None:
    old = _story(acme, "urn:acme:old")
    heard.clear()
    items = [("a", ninjs("urn:acme:new")), ("b", ninjs("urn:acme:old", version="2", headline="Harbour shut")),
             ("c", ninjs("urn:acme:old", version="2", headline="Harbour shut"))]  # fmt: skip
    list(Pipeline(agency=acme).ingest_many(items))
    new = Story.objects.get(wire_id="urn:acme:new")
    assert heard == [after.Changes(stories=tuple(sorted((old.pk, new.pk))), created=frozenset({new.pk}))]
    list(Pipeline(agency=acme).ingest_many(items))  # all unchanged: nothing to run
    assert len(heard) == 1


def test_each_desk_action_runs_the_steps_for_its_story(acme: Agency, heard: list[after.Changes]) -> None:
    story = _story(acme)
    world = Section.objects.create(slug="world", name="World")
    sport = Section.objects.create(slug="sport", name="Sport")
    heard.clear()
    services.hold(story, actor="edna")
    services.set_headline(story, "Desk words", actor="edna")
    services.set_section(story, world, actor="edna")
    services.set_section(story, sport, actor="edna")
    services.set_pinned(story, True, actor="edna")
    services.hold(story, actor="edna")  # no change: no step
    services.mark_reviewed(story, actor="edna")  # nothing to review, and invisible anyway
    pk = (story.pk,)
    assert heard == [
        after.Changes(stories=pk, text=False, desk=True),
        after.Changes(stories=pk, text=True, desk=True),
        after.Changes(stories=pk, text=False, desk=True),
        after.Changes(stories=pk, text=False, desk=True, left_sections=(world.pk,)),
        after.Changes(stories=pk, text=False, desk=True),
    ]


def test_enrichment_and_the_embargo_release_run_the_same_steps(acme: Agency, heard: list[after.Changes]) -> None:
    story = _story(acme)
    heard.clear()
    assert enrich_pending() == 1
    assert heard == [after.Changes(stories=(story.pk,), text=False)]
    Story.objects.filter(pk=story.pk).update(embargoed_until=timezone.now() - timedelta(minutes=1))
    _released_up_to.clear()  # a fresh worker: it looks back EMBARGO_LOOKBACK
    release_embargoes.call()
    assert heard[1] == after.Changes(stories=(story.pk,), text=False)
