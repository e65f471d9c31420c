"""Background tasks on Django's tasks framework (``django.tasks``, django-tasks-db backend).

``wiredesk worker`` enqueues :func:`poll_source` for every source it claims and the
periodic tasks of ``PERIODIC`` (plus ``WIREDESK_PERIODIC_TASKS``, for other apps' work such
as enrichment or expiry) when they are due, then runs the queue. Embargoes are enforced at
read time by ``Story.objects.public()``; :func:`release_embargoes` only tells the site (its
page caches) that stories became public, by running the after-commit steps (``stories.after``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.tasks import task
from django.utils import timezone

from wiredesk.sources import polling, websub
from wiredesk.sources.models import Source, SourceRun
from wiredesk.stories import after
from wiredesk.stories.models import Story

#: Built-in periodic tasks: dotted path → seconds between runs.
PERIODIC = {
    "wiredesk.sources.tasks.release_embargoes": 15,
    "wiredesk.sources.tasks.renew_websub": 3600,
    "wiredesk.sources.tasks.prune_history": 6 * 3600,
}
RUN_HISTORY_DAYS = 30
#: How far back a worker that just started looks for embargoes that ended.
EMBARGO_LOOKBACK = timedelta(hours=1)
_released_up_to: dict[str, datetime] = {}


@task()
def poll_source(source_id: int) -> str:
    """Poll one source (already claimed by the scheduler); its run's outcome."""
    source = Source.objects.select_related("agency", "section").filter(pk=source_id, enabled=True).first()
    if source is None:
        return "gone"
    return polling.poll(source).outcome


@task()
def release_embargoes() -> int:
    """Announce the stories whose embargo ended since the last run; how many.

    Changes no story: readers' querysets already show them. The high-water mark lives in
    the worker process; a fresh worker looks back ``EMBARGO_LOOKBACK`` (purging a page twice
    is harmless).
    """
    now = timezone.now()
    since = _released_up_to.get("mark", now - EMBARGO_LOOKBACK)
    ids = list(Story.objects.filter(embargoed_until__gt=since, embargoed_until__lte=now).values_list("pk", flat=True))
    if ids:
        after.run(after.Changes.of(ids, text=False))
    _released_up_to["mark"] = now
    return len(ids)


@task()
def renew_websub() -> int:
    """Subscribe (again) every WebSub source whose lease ends within a day; how many were asked."""
    soon = timezone.now() + timedelta(days=1)
    sources = Source.objects.filter(enabled=True, kind=Source.Kind.WEBSUB).exclude(websub_hub="")
    asked = 0
    for source in sources.filter(websub_lease_until__isnull=True) | sources.filter(websub_lease_until__lt=soon):
        error = websub.subscribe(source)
        if error:
            Source.objects.filter(pk=source.pk).update(last_error=error, last_error_at=timezone.now())
        asked += 1
    return asked


@task()
def prune_history() -> int:
    """Forget poll-log rows and finished task results older than the health page looks back."""
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - timedelta(days=RUN_HISTORY_DAYS)
    deleted, _ = SourceRun.objects.filter(started__lt=cutoff).delete()
    DBTaskResult.objects.finished().filter(finished_at__lt=timezone.now() - timedelta(days=1)).delete()
    return deleted
