"""Stories for site tests, built through the real ingest pipeline from small ninjs payloads."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from wiredesk.ingest.pipeline import Pipeline
from wiredesk.ingest.tests.factories import ninjs
from wiredesk.stories.models import Agency, Section, Story


def make_story(
    agency: Agency,
    uri: str = "urn:acme:1",
    *,
    headline: str = "Harbour reopens",
    section: Section | None = None,
    version: str = "1",
    abstract: str | None = None,
    body: str | None = None,
    hold: bool = False,
    **extra: Any,
) -> Story:
    """Ingest one ninjs story (or a new version of it) and return it from the database."""
    if abstract is not None:
        extra["descriptions"] = [{"role": "summary", "contentType": "text/plain", "value": abstract}]
    if body is not None:
        extra["bodies"] = [{"contentType": "text/html", "value": body}]
    payload = ninjs(uri, headline=headline, version=version, **extra)
    outcome = Pipeline(agency=agency, section=section, hold=hold).ingest(payload, origin=f"{uri}#{version}")
    assert not outcome.quarantined, outcome.error
    return Story.objects.select_related("agency", "section", "current_version").get(agency=agency, wire_id=uri)


def make_stories(
    agency: Agency, count: int, *, section: Section | None = None, prefix: str = "s", **extra: Any
) -> list[Story]:
    """``count`` stories, oldest first (``extra``: ninjs properties of each, e.g. ``versionCreated``)."""
    return [make_story(agency, f"urn:acme:{prefix}{n}", headline=f"Story {prefix}{n}", section=section, **extra)
            for n in range(count)]  # fmt: skip


IRAN = {
    "headline": "Iran busts over 10 'terrorist cells' after Kerman twin blasts: Official",
    "abstract": (
        "Many were killed and injured in the twin bombing attacks near the tomb of Iranian general "
        "Qassem Soleimani in Kerman on January 3."
    ),
    "body": (
        "<p>Iran has identified and destroyed more than 10 \u201cterrorist cells\u201d in the past weeks.</p>"
        "<p>Terror group Islamic State (IS) on January 4 claimed responsibility for the bombings.</p>"
    ),
    "dateline": "Tehran:",
    "language": "en",
    "versionCreated": datetime(2024, 1, 22, 5, 38, tzinfo=UTC).isoformat(),
}
