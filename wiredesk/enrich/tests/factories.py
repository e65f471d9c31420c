"""Stories for enrichment tests, stored through the real ingest pipeline."""

from __future__ import annotations

from html import escape

from wiredesk.ingest.pipeline import Pipeline
from wiredesk.ingest.tests.factories import nitf
from wiredesk.stories.models import Agency, Story
from wiredesk.stories.services import add_agency


def agency(slug: str, name: str | None = None, aliases: str = "") -> Agency:
    found = add_agency(slug, name or slug.upper())
    if aliases:
        found.aliases = aliases
        found.save(update_fields=["aliases"])
    return found


def story(source: Agency, doc_id: str, headline: str, body: str, *, version: int = 1, issued: str = "") -> Story:
    """Ingest one NITF story (``body`` plain text, one paragraph per line) and return it."""
    html = "".join(f"<p>{escape(line)}</p>" for line in body.split("\n") if line.strip())
    kwargs = {"issued": issued} if issued else {}
    outcome = Pipeline(agency=source).ingest(nitf(doc_id, headline=headline, body=html, version=version, **kwargs))
    assert not outcome.quarantined, outcome.lines()
    return Story.objects.select_related("agency", "current_version").get(agency=source, wire_id=doc_id)
