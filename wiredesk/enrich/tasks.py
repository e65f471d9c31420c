"""Background enrichment, run by ``wiredesk worker`` (``WIREDESK_PERIODIC_TASKS``)."""

from __future__ import annotations

from django.tasks import task

from wiredesk.enrich.services import enrich_pending

#: Stories per run: a run stays short, so polls queued behind it are not held up.
BATCH = 500


@task()
def enrich_stories() -> int:
    """Enrich the stories stored since the last run; how many were enriched."""
    return enrich_pending(limit=BATCH)
