"""Enrichment of stored stories: places, section, topics, people/organisations, citations,
clusters of copies and the update timeline.

``enrich_story`` is called after a story is stored, never by ingest itself: the background
worker calls ``enrich_pending`` (and ``wiredesk enrich`` does the same from the shell), so
ingest never waits for it. Enriching a story again (a new version arrived) replaces what
the previous run found. The only desk field it touches is ``Story.section``, and only when
the story has none, through ``wiredesk.stories.services.set_section`` (actor ``enrich``).

Tags routing rules add go through here too (``add_rule_tags``): each such link names its
rule (``StoryTag.rule``) and enrichment never removes it. Once stories are enriched, the
after-commit steps run for them (``wiredesk.stories.after``), so their pages are purged.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.utils.text import slugify

from wiredesk.enrich import attribution, entities, places, regions, similarity, timeline, topics
from wiredesk.enrich.gazetteer import get_gazetteer
from wiredesk.enrich.models import (
    AgencyPreference,
    Cluster,
    Enrichment,
    RegionSection,
    StoryBand,
    StoryTag,
    Tag,
    Topic,
)
from wiredesk.stories import after
from wiredesk.stories import services as story_services
from wiredesk.stories.models import Agency, Section, Story, StoryVersion
from wiredesk.text import plain_text
from wiredesk.ttl import TTLCache

logger = logging.getLogger(__name__)
ACTOR = "enrich"
RULE_TAG_SOURCE = "routing"  # StoryTag.source of the tags routing rules add
MAX_CANDIDATES = 10
# A candidate must share this many LSH bands: one shared band is common between
# unrelated stories written from the same templates ("… said on Monday").
MIN_SHARED_BANDS = 2


@dataclass(frozen=True, slots=True)
class FoundTag:
    kind: str
    name: str
    source: str
    evidence: str = ""
    country: str = ""
    qcode: str = ""


SETTINGS_TTL = 30.0  # seconds a worker keeps the vocabulary and the section map


def _load_vocabulary() -> topics.Vocabulary:
    return topics.Vocabulary.of(
        topics.Concept(t.qcode, t.label, t.broader, tuple(t.subject_codes), t.retired) for t in Topic.objects.all()
    )


_vocabulary = TTLCache(_load_vocabulary, ttl=SETTINGS_TTL)
_section_map = TTLCache(lambda: dict(RegionSection.objects.values_list("key", "section_slug")), ttl=SETTINGS_TTL)


def vocabulary() -> topics.Vocabulary:
    """The Media Topics in the database (re-read at most every ``SETTINGS_TTL`` seconds)."""
    return _vocabulary.get()


def clear_caches() -> None:
    """Forget the cached vocabulary, section map and tag ids (after loading a vocabulary, in tests)."""
    _vocabulary.clear()
    _section_map.clear()
    _tag_cache.clear()


def short_agency_name(agency: Agency) -> str:
    """The name an agency is cited by: its shortest alias without dots ("IANS"), else its name."""
    aliases = [a.strip() for a in agency.aliases.split(",") if a.strip() and "." not in a]
    return min(aliases, key=len) if aliases else agency.name


def _unique_slug(kind: str, name: str, *, country: str = "", qcode: str = "") -> Tag:
    base = slugify(name, allow_unicode=True)[:100] or "tag"
    for slug in (base, f"{base}-{(country or qcode.rpartition(':')[2]).lower()}"):
        tag = Tag.objects.filter(kind=kind, slug=slug).first()
        if tag is None:
            return Tag.objects.create(kind=kind, slug=slug, name=name, country=country, qcode=qcode)
        if tag.country == country and tag.qcode == qcode:
            return tag
    return Tag.objects.get_or_create(kind=kind, slug=f"{base}-{Tag.objects.count()}", defaults={"name": name})[0]


_tag_cache: dict[tuple[str, str, str, str], int] = {}


def get_tag_id(found: FoundTag) -> int:
    """``get_tag(found).pk``, remembered for the process (tags are never renamed by enrichment)."""
    key = (found.kind, found.name, found.country, found.qcode)
    if key not in _tag_cache:
        _tag_cache[key] = get_tag(found).pk
    return _tag_cache[key]


def get_tag(found: FoundTag) -> Tag:
    """The tag row for ``found``: one per place and country, topic qcode, person or organisation."""
    if found.kind == Tag.Kind.TOPIC:
        existing = Tag.objects.filter(kind=found.kind, qcode=found.qcode).first()
    elif found.kind == Tag.Kind.PLACE:
        existing = Tag.objects.filter(kind=found.kind, name=found.name, country=found.country).first()
    else:
        existing = Tag.objects.filter(kind=found.kind, name=found.name).first()
    return existing or _unique_slug(found.kind, found.name, country=found.country, qcode=found.qcode)


def find_tags(story: Story, version: StoryVersion, text: str) -> tuple[list[FoundTag], places.Place | None, str | None]:
    """Everything the pure layers find in one version: tags, the dateline place, the country."""
    gazetteer = get_gazetteer()
    full = f"{version.headline}. {text}"
    where = places.dateline_text(version.dateline, version.located, text)
    dateline = places.resolve_dateline(where, gazetteer) if where else None
    named = places.find_places(full, gazetteer)
    country = places.primary_country(dateline, named)
    found: list[FoundTag] = []
    if dateline is not None:
        found.append(FoundTag("place", dateline.name, "dateline", where, dateline.country))
    found += [FoundTag("place", p.name, "text", "", p.country) for p in named]
    vocab = vocabulary()
    codes = [str(s.get("code", "")) for s in version.subjects if isinstance(s, dict)]
    for match in topics.topics_for(codes, full, vocab):
        found.append(
            FoundTag("topic", vocab.concepts[match.qcode].label, match.reason, match.evidence, "", match.qcode)
        )
    for entity in entities.find_entities(full, gazetteer):
        found.append(FoundTag(entity.kind, entity.name, entity.source))
    return found, dateline, country


def _save_tags(story: Story, found: list[FoundTag]) -> None:
    wanted: dict[int, FoundTag] = {}
    for item in found:
        wanted.setdefault(get_tag_id(item), item)
    if len(Tag.objects.filter(pk__in=wanted)) != len(wanted):  # a tag was deleted in admin meanwhile
        _tag_cache.clear()
        wanted = {}
        for item in found:
            wanted.setdefault(get_tag_id(item), item)
    # tags a routing rule added (StoryTag.rule) are the desk's, not enrichment's to remove
    StoryTag.objects.filter(story=story, rule="").exclude(tag_id__in=wanted).delete()
    have = set(StoryTag.objects.filter(story=story).values_list("tag_id", flat=True))
    StoryTag.objects.bulk_create(
        [
            StoryTag(story=story, tag_id=pk, source=f.source, evidence=f.evidence[:200])
            for pk, f in wanted.items()
            if pk not in have
        ]
    )


def topic_tag(name: str) -> Tag:
    """The topic tag called ``name`` (case aside; the oldest of that name), created when missing."""
    existing = Tag.objects.filter(kind=Tag.Kind.TOPIC, name__iexact=name).order_by("pk").first()
    if existing is not None:
        return existing
    base = slugify(name, allow_unicode=True)[:100] or "tag"
    slug, n = base, 1
    while Tag.objects.filter(kind=Tag.Kind.TOPIC, slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return Tag.objects.create(kind=Tag.Kind.TOPIC, slug=slug, name=name)


def _tag_names(story: Story) -> list[str]:
    return sorted(StoryTag.objects.filter(story=story).values_list("tag__name", flat=True))


def add_rule_tags(story: Story, names: Sequence[str], *, rule: str) -> list[str]:
    """Tag ``story`` with the topic tags ``names`` for the routing rule ``rule``; the names newly on it.

    Each link names its rule (``StoryTag.rule``), so enrichment keeps it whatever it finds
    later; a tag already on the story is claimed for the rule too. One ``StoryEvent``
    (action ``tag``, actor ``rule:NAME``) when a tag is new on the story, then the
    after-commit steps for it (tags show on its page).
    """
    with transaction.atomic():
        before = _tag_names(story)
        added = []
        for name in names:
            tag = topic_tag(name)
            link, created = StoryTag.objects.get_or_create(
                story=story, tag=tag, defaults={"source": RULE_TAG_SOURCE, "evidence": f"rule:{rule}"[:200],
                                                "rule": rule[:100]},
            )  # fmt: skip
            if created:
                added.append(tag.name)
            elif not link.rule:
                StoryTag.objects.filter(pk=link.pk).update(rule=rule[:100])
        if not added:
            return added
        story_services.record_event(story, "tag", actor=f"rule:{rule}", reason=", ".join(added),
                                    before={"tags": before}, after={"tags": _tag_names(story)})  # fmt: skip
    after.run(after.Changes(stories=(story.pk,), text=False, desk=True))
    return added


def _route(story: Story, country: str | None, region: str | None) -> None:
    """Put a story without a section into its region's section, if that section exists."""
    if story.section_id is not None or not Story.objects.filter(pk=story.pk, section__isnull=True).exists():
        return
    mapping: dict[str, str] = _section_map.get()
    slug = regions.section_slug_for(country, region, mapping)
    section = Section.objects.filter(slug=slug).first() if slug else None
    if section is not None:
        story_services.set_section(story, section, actor=ACTOR)


def _preferred() -> list[str]:
    return list(AgencyPreference.objects.order_by("rank", "pk").values_list("agency__slug", flat=True))


def _matches(story: Story, shingle_set: set[str], keys: list[str], *, place: str = "") -> list[int]:
    """Ids of the stories that tell the same story: LSH candidates, then the exact check.

    Reads only. Candidates sharing the most bands are checked first, at most
    ``MAX_CANDIDATES`` of them, with their texts fetched in one query. Two stories filed
    from different dateline places are never the same story, however alike their words
    (wire templates: "Storm brings flight delays to Baghdad" / "… to Basra").
    """
    if not keys:
        return []
    candidates = (
        StoryBand.objects.filter(key__in=keys)
        .exclude(story_id=story.pk)
        .values("story_id")
        .annotate(shared=Count("pk"))
        .filter(shared__gte=MIN_SHARED_BANDS)
        .order_by("-shared", "-story_id")
        .values_list("story_id", flat=True)[:MAX_CANDIDATES]
    )
    rows = Story.objects.filter(pk__in=list(candidates), current_version__isnull=False).values_list(
        "pk", "current_version__headline", "current_version__body_html", "enrichment__place"
    )
    return [
        pk
        for pk, headline, body, other_place in rows
        if not (place and other_place and place.casefold() != other_place.casefold())
        and similarity.is_same_story(shingle_set, similarity.shingles(f"{headline} {plain_text(body)}"))
    ]


def _cluster(story: Story, enrichment: Enrichment, keys: list[str], matches: list[int]) -> None:
    """Store the story's band keys and join (or start, or leave) the cluster of its copies."""
    StoryBand.objects.filter(story=story).delete()
    StoryBand.objects.bulk_create([StoryBand(story=story, key=k) for k in keys])
    if not matches:
        if enrichment.cluster_id is not None:
            cluster = enrichment.cluster
            enrichment.cluster = None
            enrichment.save(update_fields=["cluster"])
            if cluster is not None:
                _choose_primary(cluster)
        return
    others = Enrichment.objects.filter(story__in=matches).select_related("cluster")
    cluster = next((e.cluster for e in others if e.cluster is not None), None) or enrichment.cluster
    if cluster is None:
        cluster = Cluster.objects.create()
    enrichment.cluster = cluster
    enrichment.save(update_fields=["cluster"])
    Enrichment.objects.filter(story__in=matches).update(cluster=cluster)
    _choose_primary(cluster)


def _choose_primary(cluster: Cluster) -> None:
    members = list(Story.objects.filter(enrichment__cluster=cluster).select_related("agency"))
    if not members:
        cluster.delete()
        return
    copies = [(s.pk, s.agency.slug, (s.first_published or s.created).timestamp()) for s in members]
    primary = similarity.choose_primary(copies, _preferred())
    if cluster.primary_id != primary:
        cluster.primary_id = primary
        cluster.save(update_fields=["primary"])


def _timeline(story: Story) -> list[dict[str, str]]:
    versions = [
        timeline.VersionText(v.headline, plain_text(v.body_html), v.version_created or v.received, v.is_correction)
        for v in story.versions.all()
    ]
    return [{"when": e.when.isoformat(), "summary": e.summary} for e in timeline.build_timeline(versions)]


def enrich_story(story: Story) -> Enrichment | None:
    """Enrich ``story``'s current version; ``None`` when it has none. Safe to run again.

    Everything is worked out first, reading only; the writes then take one short
    transaction, so a busy ingest (SQLite has one writer) waits as little as possible.
    """
    version = story.current_version
    if version is None:
        return None
    text = plain_text(version.body_html)
    found, dateline, country = find_tags(story, version, text)
    region = regions.region_of(country, get_gazetteer().continent.get(country)) if country else None
    citations = attribution.find_citations(text)
    shingle_set = similarity.shingles(f"{version.headline} {text}")
    keys = similarity.band_keys(shingle_set)
    matches = _matches(story, shingle_set, keys, place=dateline.name if dateline else "")
    values = {
        "version": version,
        "place": dateline.name if dateline else "",
        "country": country or "",
        "region": region or "",
        "citations": [{"name": c.name, "media": c.media} for c in citations],
        "provenance": attribution.provenance_line(short_agency_name(story.agency), citations)[:300],
        "timeline": _timeline(story),
    }
    with transaction.atomic():
        enrichment, _ = Enrichment.objects.update_or_create(story=story, defaults=values)
        _save_tags(story, found)
        _route(story, country, region)
        _cluster(story, enrichment, keys, matches)
    return enrichment


def pending() -> QuerySet[Story]:
    """Stories whose current version has not been enriched yet."""
    return (
        Story.objects.filter(current_version__isnull=False)
        .filter(Q(enrichment__isnull=True) | ~Q(enrichment__version_id=F("current_version_id")))
        .order_by("pk")
    )


def enrich_pending(limit: int | None = None, *, everything: bool = False) -> int:
    """Enrich the stories waiting for it (all stories with ``everything``); how many were done.

    One story failing is logged and skipped; the others still get enriched.
    """
    queryset = Story.objects.filter(current_version__isnull=False).order_by("pk") if everything else pending()
    ids = list(queryset.values_list("pk", flat=True)[:limit] if limit else queryset.values_list("pk", flat=True))
    done: list[int] = []
    for pk in ids:
        story = Story.objects.select_related("agency", "current_version").filter(pk=pk).first()
        if story is None:
            continue
        try:
            enrich_story(story)
        except Exception:  # noqa: BLE001 - one bad story must not stop the others
            logger.exception("Enrichment failed for story %s", pk)
            continue
        done.append(pk)
    # tags, timeline and "also reported by" are on the story pages; the searchable text is not enrichment's
    after.run(after.Changes.of(done, text=False))
    return len(done)
