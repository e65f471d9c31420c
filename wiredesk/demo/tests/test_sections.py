"""The demo's sections: given through ``stories.services``, like any other change of a story."""

from __future__ import annotations

import pytest

from wiredesk.demo import DEMO_SECTIONS
from wiredesk.demo.sections import assign_sections, section_for
from wiredesk.ingest.pipeline import Pipeline
from wiredesk.ingest.tests.factories import ninjs
from wiredesk.stories import services
from wiredesk.stories.models import Agency, Story, StoryEvent

pytestmark = pytest.mark.django_db


def test_stories_without_a_section_get_their_demo_section_through_the_services() -> None:
    acme = Agency.objects.create(slug="acme", name="Acme")
    for position, (slug, name) in enumerate(DEMO_SECTIONS):
        services.add_section(slug, name, position=position)
    Pipeline(agency=acme).ingest(ninjs("urn:acme:1", subjects=[{"code": "medtop:15000000", "name": "sport"}]))
    Pipeline(agency=acme).ingest(ninjs("urn:acme:2"))
    kept = Story.objects.get(wire_id="urn:acme:2")
    services.set_section(kept, services.add_section("kept", "Kept"), actor="edna")
    assert assign_sections() == 1
    story = Story.objects.select_related("section", "current_version").get(wire_id="urn:acme:1")
    assert story.section is not None and story.section.slug == section_for(story)
    event = StoryEvent.objects.get(story=story, action="section")
    assert (event.actor, event.before["section"], event.after["section"]) == ("demo", "", story.section.slug)
    assert story.desk_modified is not None  # a desk-side change, like enrichment's section
    assert assign_sections() == 0  # every story has one now
