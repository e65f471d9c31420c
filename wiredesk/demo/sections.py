"""Put demo stories in sections by their place and topic.

A stand-in for place and topic enrichment (issue #6), which will do this for every story
from a gazetteer and IPTC Media Topics. Here it only knows the demo's own cities and topic
codes, so the demo site has full sections today.
"""

from __future__ import annotations

from wiredesk.demo import _texts as texts
from wiredesk.stories import services
from wiredesk.stories.models import Section, Story
from wiredesk.text import plain_text

ACTOR = "demo"

_CITY_SECTION = {city.lower(): section for city, _country, section in texts.PLACES}
_TOPIC_SECTION = {code: section for section, codes in texts.TOPICS.values() if section for code, _label in codes[:1]}


def section_for(story: Story) -> str:
    """The demo section slug for ``story``, from its topic codes, then its place."""
    version = story.current_version
    if version is None:
        return "world"
    for subject in version.subjects:
        code = subject.get("code", "").rstrip("/").rpartition("/")[2].rpartition(":")[2]
        if code in _TOPIC_SECTION:
            return _TOPIC_SECTION[code]
    start = " ".join([version.located, version.dateline, plain_text(version.body_html[:200])]).lower()
    for city, section in _CITY_SECTION.items():
        if city in start:
            return section
    return "world"


def assign_sections() -> int:
    """Give every story without a section its demo section; return how many changed.

    Through ``services.set_section`` (actor ``demo``), like enrichment's sections: the
    story's audit trail says so, and its pages are purged.
    """
    sections = {s.slug: s for s in Section.objects.all()}
    changed = 0
    for story in Story.objects.filter(section__isnull=True).select_related("current_version", "section"):
        section = sections.get(section_for(story))
        if section is not None:
            services.set_section(story, section, actor=ACTOR)
            changed += 1
    return changed
