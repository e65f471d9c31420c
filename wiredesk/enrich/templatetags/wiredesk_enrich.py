"""Template tags for what enrichment adds to the article page.

``{% story_extras story as extras %}`` gives the tags, the other copies ("Also reported
by …"), the public copy and the update timeline; ``{{ story|attribution_line }}`` gives
"IANS, citing Xinhua" (the agency's name alone until the story is enriched).
"""

from __future__ import annotations

from django import template

from wiredesk.enrich.models import Enrichment
from wiredesk.enrich.queries import StoryExtras, story_extras
from wiredesk.enrich.services import short_agency_name
from wiredesk.stories.models import Story

register = template.Library()


@register.simple_tag(name="story_extras")
def story_extras_tag(story: Story) -> StoryExtras:
    return story_extras(story)


@register.filter
def attribution_line(story: Story) -> str:
    line = Enrichment.objects.filter(story=story).values_list("provenance", flat=True).first()
    return line or short_agency_name(story.agency)
