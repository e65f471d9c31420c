"""Which stories readers, feeds and the desk may see; the rules live here, not in views."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.utils import timezone

if TYPE_CHECKING:
    from wiredesk.stories.models import Story  # noqa: F401


KILLED = Q(status="killed") | Q(agency_killed=True)
"""Killed by the desk or by the agency: such stories answer 410 Gone."""


class StoryQuerySet(models.QuerySet["Story"]):
    def public(self) -> StoryQuerySet:
        """Stories readers may see now: published, killed neither by the desk nor by the agency,
        past any embargo.

        The embargo is enforced here, at read time, so a story appears by itself the moment
        its embargo ends without any background job.
        """
        now = timezone.now()
        return self.filter(
            Q(embargoed_until__isnull=True) | Q(embargoed_until__lte=now),
            status="published",
            agency_killed=False,
            current_version__isnull=False,
        )

    def killed(self) -> StoryQuerySet:
        """Stories killed by the desk or by the agency: they answer 410 Gone."""
        return self.filter(KILLED)

    def by_wire_id(self, wire_id: str, agency: str | None = None) -> StoryQuerySet:
        stories = self.filter(wire_id=wire_id)
        return stories.filter(agency__slug=agency) if agency else stories
