"""What the article page shows of enrichment: tags, the other copies, the update timeline.

``story_extras`` is read by the ``{% story_extras %}`` template tag (``wiredesk_enrich``) on
every article page. Reads what ``wiredesk.enrich`` stored and writes nothing; a story not
enriched yet gets empty extras.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from wiredesk.enrich.models import Enrichment, Tag
from wiredesk.site.queries import listed
from wiredesk.stories.models import Story

KIND_ORDER = ("place", "organisation", "person", "topic")


@dataclass(slots=True)
class StoryExtras:
    """What the article page shows from enrichment; empty when the story is not enriched yet."""

    tags: list[Tag] = field(default_factory=list)
    also: list[Story] = field(default_factory=list)  # the other public copies of the story
    primary: Story | None = None  # the public copy, when this one is not it
    timeline: list[dict[str, Any]] = field(default_factory=list)
    provenance: str = ""


def _when(value: str) -> str:
    moment = parse_datetime(value)
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    return f"{local:%H:%M} {local.tzname() or ''}".strip()


def story_extras(story: Story) -> StoryExtras:
    enrichment = Enrichment.objects.filter(story=story).select_related("cluster").first()
    if enrichment is None:
        return StoryExtras()
    tags = list(Tag.objects.filter(story_tags__story=story))
    tags.sort(key=lambda t: (KIND_ORDER.index(t.kind) if t.kind in KIND_ORDER else 9, t.name))
    extras = StoryExtras(tags=tags, provenance=enrichment.provenance)
    extras.timeline = [{"when": _when(e["when"]), "summary": e["summary"]} for e in enrichment.timeline]
    if enrichment.cluster_id is not None:
        copies = list(listed(enrichment__cluster_id=enrichment.cluster_id, copies=True).exclude(pk=story.pk))
        extras.also = copies
        primary_id = enrichment.cluster.primary_id if enrichment.cluster else None
        if primary_id and primary_id != story.pk:
            extras.primary = next((c for c in copies if c.pk == primary_id), None)
    return extras
