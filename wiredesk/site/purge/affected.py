"""Which public pages a change shows on, and purging them.

A story shows on its own page, the home page, its section's and its agency's pages, the
site/section/agency feeds (RSS, Atom, JSON Feed), ``/sitemap.xml`` and ``/news-sitemap.xml``,
and in the "related" list of every other story page of its section. Those story pages are
not listed one by one: the section's tag is purged, which makes all of them stale in the
app's cache. For the front cache (which only knows URLs), the newest ``NEIGHBOURS`` story
pages of the section are purged too when a story leaves the public site or the desk changes
it (kills are often legal matters); older neighbours expire after ``PAGE_TIMEOUT``.

Does not purge paged views (``?before=``): they are never cached.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from django.urls import reverse

from wiredesk.site.cache import agency_tag, purge_paths, section_tag
from wiredesk.site.links import story_path
from wiredesk.site.queries import listed, with_first_headline
from wiredesk.stories.models import Agency, Section, Story

NEIGHBOURS = 50
SITE_WIDE = ("site:home", "site:site-rss", "site:site-atom", "site:site-json", "site:sitemap", "site:news-sitemap")


def site_paths() -> list[str]:
    return [reverse(name) for name in SITE_WIDE]


def section_paths(slug: str) -> list[str]:
    names = ("site:section", "site:section-rss", "site:section-atom", "site:section-json")
    return [reverse(name, kwargs={"slug": slug}) for name in names]


def agency_paths(slug: str) -> list[str]:
    names = ("site:agency", "site:agency-rss", "site:agency-atom", "site:agency-json")
    return [reverse(name, kwargs={"slug": slug}) for name in names]


def neighbour_paths(section_ids: Iterable[int | None], exclude: Collection[int]) -> list[str]:
    """The newest public story pages of each section (their "related" list may have changed)."""
    paths: list[str] = []
    for section_id in set(section_ids):
        stories = listed(section=section_id) if section_id else listed(section__isnull=True)
        newest = stories.exclude(pk__in=exclude).select_related(None).only("pk")[:NEIGHBOURS]
        paths += [story_path(s) for s in newest]  # the URL needs only the pk and first headline
    return paths


def purge_for_stories(
    story_ids: Iterable[int],
    *,
    neighbours: bool = False,
    old_sections: Iterable[int | None] = (),
    created: Collection[int] = (),
) -> list[str]:
    """Purge every page the stories ``story_ids`` show on; returns the purged paths.

    The after-commit step ``purge-pages`` (``wiredesk.site.after``) calls it for every change
    of stories: an ingest batch, a desk action, enrichment. ``neighbours``
    also purges the front cache's copies of the section's newest story pages; it is
    implied for stories that are not published (killed, held). ``old_sections`` are
    sections the stories just left. ``created`` names the stories among ``story_ids`` that
    did not exist before this change: no cache can hold a page of theirs yet (primary keys
    are never reused), so only the lists they join are purged, and a created story that is
    not public joins none.
    """
    ids = sorted({int(pk) for pk in story_ids})
    if not ids:
        return []
    new = set(ids) & {int(pk) for pk in created}
    known = [pk for pk in ids if pk not in new]
    paths, tags = site_paths(), []
    sections: set[int | None] = set(old_sections)
    near: set[int | None] = set(old_sections)
    agencies: dict[int, str] = {}  # an ingest batch names few agencies for many stories
    slugs: dict[int, str] = {}
    if known:
        for story in with_first_headline(Story.objects.filter(pk__in=known)).select_related("agency", "section"):
            paths.append(story_path(story))
            agencies[story.agency_id] = story.agency.slug
            sections.add(story.section_id)
            if story.section is not None:
                slugs[story.section.pk] = story.section.slug
            if neighbours or story.status != Story.Status.PUBLISHED or story.agency_killed:
                near.add(story.section_id)
    if new:
        joined = Story.objects.public().filter(pk__in=sorted(new))
        for agency_id, agency_slug, section_id, section_slug in joined.values_list(
            "agency_id", "agency__slug", "section_id", "section__slug"
        ).distinct():
            agencies[agency_id] = agency_slug
            sections.add(section_id)
            if section_id is not None:
                slugs[section_id] = section_slug
    for agency_id, slug in agencies.items():
        paths += agency_paths(slug)
        tags.append(agency_tag(agency_id))
    missing = [s for s in sections if s and s not in slugs]  # sections the stories just left
    slugs.update(Section.objects.filter(pk__in=missing).values_list("pk", "slug") if missing else ())
    for slug in slugs.values():
        paths += section_paths(slug)
    tags += [section_tag(s) for s in sections]
    paths += neighbour_paths(near, exclude=ids)
    purge_paths(paths, tags)
    return sorted(set(paths))


def purge_for_section(section: Section) -> None:
    """A section was added or renamed: its pages, the home page and its story pages."""
    purge_paths([*site_paths(), *section_paths(section.slug)], [section_tag(section.pk)])


def purge_for_agency(agency: Agency) -> None:
    """An agency profile changed: its pages and (in the app cache) its story pages' boxes."""
    purge_paths([*site_paths(), *agency_paths(agency.slug)], [agency_tag(agency.pk)])
