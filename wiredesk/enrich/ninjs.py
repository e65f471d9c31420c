"""What enrichment found, as ninjs 3.1 data: a story's places, subjects, people, organisations.

Registered with ``wiredesk.stories.ninjs`` when the app is ready (``apps.py``), so every
ninjs object Wiredesk sends — ``wiredesk export --format ninjs`` and the API — carries the
story's tags while ``stories`` knows nothing of this app. Each tag becomes one entry of the
ninjs 3.1 property of its kind:

- a place → ``places`` (``name``; the country, ISO 3166-1 alpha-2, as the country of its
  ``contactInfo`` address);
- a person → ``people``, an organisation → ``organisations`` (``name``);
- an IPTC Media Topic → ``subjects`` (``name``, ``uri`` ``http://cv.iptc.org/newscodes/
  mediatopic/<code>``, ``creator`` naming enrichment: the agency did not send it).

Every entry's ``uri`` is the tag's page on the site (``site:tag``; a Media Topic's is IPTC's
URI), so an integrator can tell tags apart and link to them. Only names, URIs and country codes: the
schema forbids other keys (``additionalProperties: false``).

Does not enrich anything and writes nothing: it reads the tags ``services.enrich_story``
(and routing rules) stored.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.encoding import iri_to_uri

from wiredesk.enrich.models import StoryTag, Tag
from wiredesk.stories import ninjs
from wiredesk.stories.models import Story

CREATOR = "wiredesk:enrich"
PROPERTY: dict[str, str] = {
    Tag.Kind.PLACE: "places",
    Tag.Kind.PERSON: "people",
    Tag.Kind.ORGANISATION: "organisations",
    Tag.Kind.TOPIC: "subjects",
}
_ATTR = "ninjs_story_tags"


def prefetch_tags(stories: QuerySet[Story]) -> QuerySet[Story]:
    """``stories`` with their tags fetched in one more query, oldest tag first."""
    tags = StoryTag.objects.select_related("tag").order_by("pk")
    return stories.prefetch_related(Prefetch("enrich_tags", queryset=tags, to_attr=_ATTR))


def _tags(story: Story) -> list[Tag]:
    story_tags = getattr(story, _ATTR, None)
    if story_tags is None:  # not from prefetch_tags: one query
        story_tags = list(StoryTag.objects.filter(story=story).select_related("tag").order_by("pk"))
    return [st.tag for st in story_tags]


def tag_uri(tag: Tag) -> str:
    """The tag's page on the site, as an ASCII URI (slugs may be Unicode; RFC 3987 → 3986)."""
    path = reverse("site:tag", kwargs={"kind": tag.kind, "slug": tag.slug})
    # on the site's public address, as ``site.links.absolute`` makes it: enrich imports no site module
    return iri_to_uri(f"{settings.WIREDESK_BASE_URL}{path}")


def tag_entry(tag: Tag) -> dict[str, Any]:
    """The ninjs 3.1 entry of ``tag`` in the property of its kind (``PROPERTY``)."""
    if tag.kind == Tag.Kind.TOPIC and tag.qcode:
        return {**ninjs.subject(tag.qcode, tag.name), "creator": CREATOR}
    entry: dict[str, Any] = {"name": tag.name, "uri": tag_uri(tag)}
    if tag.kind == Tag.Kind.TOPIC:
        entry["creator"] = CREATOR
    if tag.kind == Tag.Kind.PLACE and tag.country:
        entry["contactInfo"] = [{"type": "address", "address": {"country": tag.country}}]
    return entry


def tag_properties(story: Story) -> dict[str, list[dict[str, Any]]]:
    """``places``, ``subjects``, ``people`` and ``organisations`` of ``story`` (empty ones left out)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for tag in _tags(story):
        if (name := PROPERTY.get(tag.kind)) is not None:
            found.setdefault(name, []).append(tag_entry(tag))
    return found


EXTENSION = ninjs.Extension(name="enrich", properties=tag_properties, prefetch=prefetch_tags)


def register() -> None:
    """Add the tags to every ninjs story object (``EnrichConfig.ready``)."""
    ninjs.register(EXTENSION)
