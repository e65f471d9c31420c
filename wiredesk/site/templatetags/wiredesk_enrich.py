"""Template tags for what enrichment adds to the article page (library ``wiredesk_enrich``).

``{% story_extras story as extras %}`` gives the tags, the other copies ("Also reported
by …"), the public copy and the update timeline; ``{{ story|attribution_line }}`` gives
"IANS, citing Xinhua": the agency's credit line and, once the story is enriched, the media
it cites.
"""

from __future__ import annotations

from django import template

from wiredesk.enrich.attribution import Citation, provenance_line
from wiredesk.enrich.models import Enrichment
from wiredesk.enrich.services import short_agency_name
from wiredesk.site.enrichment import StoryExtras, story_extras
from wiredesk.stories.models import Story

register = template.Library()


@register.simple_tag(name="story_extras")
def story_extras_tag(story: Story) -> StoryExtras:
    return story_extras(story)


@register.filter
def attribution_line(story: Story) -> str:
    """The agency's credit and the media it cites: "IANS, citing Xinhua".

    The credit is the attribution text the licence asks for (``Agency.attribution``), else
    the short name the agency is cited by ("IANS" for Indo-Asian News Service).
    """
    agency = story.agency
    credit = agency.attribution or short_agency_name(agency)
    citations = Enrichment.objects.filter(story=story).values_list("citations", flat=True).first() or []
    own = {credit.casefold(), short_agency_name(agency).casefold(), agency.name.casefold()}
    cited = [Citation(c["name"], c["media"]) for c in citations if c.get("name", "").casefold() not in own]
    return provenance_line(credit, cited)
