"""Background work on stories, run by ``wiredesk worker`` (``WIREDESK_PERIODIC_TASKS``)."""

from __future__ import annotations

from django.tasks import task

from wiredesk.stories import services


@task()
def expire_stories() -> int:
    """Take down stories whose agency licence says they may no longer stay up."""
    return len(services.expire_stories())
