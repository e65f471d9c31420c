"""Running the routing rules: on new stories at ingest (``apply_rules``) and as a dry run.

Every change goes through a service with the actor ``rule:NAME``, so it lands in the audit
log like a person's action: ``wiredesk.stories.services`` for the section and the status,
``wiredesk.enrich.services.add_rule_tags`` for tags (the link names the rule, so
enrichment keeps it). Routing writes no row of another app itself. Rules only ever touch
stories that were just created: an agency update of a known story is never routed again,
so a desk decision is never overridden. Ingest's own defaults (a source's or ``--section``/``--hold``) are only
defaults: a matching rule replaces them. A killed story (a kill notice on arrival) is never
published or held by a rule.

The enabled rules are kept per process for ``RULES_TTL`` seconds (an edit takes effect in
the worker within that time), so a batch without rules costs ingest no query at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from wiredesk.enrich.models import StoryTag
from wiredesk.enrich.services import add_rule_tags, find_tags
from wiredesk.routing.models import RoutingRule
from wiredesk.routing.rules import Routing, Rule, StatusAction, StoryFacts, Where, route, split_list
from wiredesk.sources.models import Source
from wiredesk.stories import services as story_services
from wiredesk.stories.models import Section, Story
from wiredesk.text import plain_text
from wiredesk.ttl import TTLCache

RULES_TTL = 30.0
STATUS_OF = {StatusAction.PUBLISH: Story.Status.PUBLISHED, StatusAction.HOLD: Story.Status.HELD,
             StatusAction.DROP: Story.Status.KILLED}  # fmt: skip


def source_prefix(source: Source) -> str:
    """The payload origin a source's stories carry (see ``sources.views`` and ``polling``)."""
    if source.kind == Source.Kind.PUSH:
        return f"push:{source.pk}"
    if source.kind == Source.Kind.WEBSUB:
        return source.address or f"websub:{source.pk}"
    return source.address


def rule_of(rule: RoutingRule, *, agencies: Iterable[str], sources: Iterable[Source]) -> Rule:
    """The pure ``Rule`` of ``rule`` (saved or a draft), given its agency slugs and sources."""
    return Rule(
        name=rule.name,
        agencies=frozenset(agencies),
        origins=tuple(p for p in (source_prefix(s) for s in sources) if p),
        urgency_max=rule.urgency_max,
        languages=split_list(rule.languages),
        words_any=split_list(rule.words_any),
        words_all=split_list(rule.words_all),
        words_none=split_list(rule.words_none),
        where=Where(rule.words_in or Where.BOTH),
        subjects=split_list(rule.subjects),
        tags=split_list(rule.tags),
        section=rule.section.slug if rule.section_id and rule.section else "",
        status=StatusAction(rule.status_action or ""),
        add_tags=split_list(rule.add_tags),
        stop=rule.stop_processing,
    )


def load_rules(*, exclude: int | None = None) -> list[tuple[int, Rule]]:
    """The enabled rules in order, as ``(position, Rule)``, read from the database now."""
    saved = RoutingRule.objects.filter(enabled=True).select_related("section").prefetch_related("agencies", "sources")
    if exclude is not None:
        saved = saved.exclude(pk=exclude)
    return [(r.position, rule_of(r, agencies=[a.slug for a in r.agencies.all()], sources=r.sources.all()))
            for r in saved.order_by("position", "pk")]  # fmt: skip


#: The enabled rules, re-read at most every ``RULES_TTL`` seconds (per process).
enabled_rules = TTLCache(lambda: [r for _, r in load_rules()], ttl=RULES_TTL)


def _tag_names(stories: Sequence[Story], *, compute: bool) -> dict[int, frozenset[str]]:
    """Tag names, slugs and qcodes per story; ``compute`` works them out for unenriched stories.

    At ingest, enrichment has not run yet: its pure finders are asked instead (read only).
    """
    names: dict[int, set[str]] = {s.pk: set() for s in stories}
    for story_id, name, slug, qcode in StoryTag.objects.filter(story__in=stories).values_list(
        "story_id", "tag__name", "tag__slug", "tag__qcode"
    ):
        names[story_id] |= {v.casefold() for v in (name, slug, qcode) if v}
    if compute:  # the gazetteer loads on first use, so only when a rule asks for tags
        for story in stories:
            if not names[story.pk] and story.current_version is not None:
                found, _, _ = find_tags(story, story.current_version, plain_text(story.current_version.body_html))
                names[story.pk] |= {f.name.casefold() for f in found} | {f.qcode.casefold() for f in found if f.qcode}
    return {pk: frozenset(v) for pk, v in names.items()}


def facts_of(story: Story, tags: frozenset[str] = frozenset()) -> StoryFacts:
    """What the rules see of ``story``: its current agency version (and tags)."""
    version = story.current_version
    if version is None:
        return StoryFacts(agency=story.agency.slug, tags=tags)
    codes = {str(s.get("code", "")) for s in version.subjects if isinstance(s, dict)} - {""}
    return StoryFacts(
        agency=story.agency.slug,
        origin=version.raw_payload.origin if version.raw_payload else "",
        urgency=version.urgency,
        language=version.language,
        headline=version.headline,
        body=plain_text(version.body_html),
        subjects=frozenset(codes),
        tags=tags,
    )


def _routed(stories: Sequence[Story], rules: Sequence[Rule]) -> dict[int, Routing]:
    tags = _tag_names(stories, compute=any(r.tags for r in rules))
    return {s.pk: route(rules, facts_of(s, tags[s.pk])) for s in stories}


def _load(story_ids: Iterable[int]) -> list[Story]:
    return list(
        Story.objects.filter(pk__in=list(story_ids))
        .select_related("agency", "section", "current_version__raw_payload")
        .order_by("pk")
    )


def _carry_out(story: Story, routing: Routing) -> None:
    by_rule: dict[str, list[str]] = {}
    for name, rule in routing.tags:
        by_rule.setdefault(rule, []).append(name)
    for rule, names in by_rule.items():
        add_rule_tags(story, names, rule=rule)
    if routing.section is not None:
        section = Section.objects.filter(slug=routing.section).first()
        if section is not None:
            story_services.set_section(story, section, actor=f"rule:{routing.section_rule}")
    if routing.status is not None and not story.is_killed:
        actor = f"rule:{routing.status_rule}"
        if routing.status == StatusAction.DROP:
            story_services.kill(story, actor=actor, reason="dropped by rule")
        elif routing.status == StatusAction.HOLD:
            story_services.hold(story, actor=actor, reason="held by rule")
        else:
            story_services.publish(story, actor=actor, reason="published by rule")


def apply_rules(story_ids: Iterable[int], *, rules: Sequence[Rule] | None = None) -> dict[int, Routing]:
    """Route the just-created stories ``story_ids`` with the enabled rules (or ``rules``).

    Callers pass only stories created a moment ago (the after-commit step does, ``after.py``):
    this function does not check that nobody acted on them yet. Returns what each story
    matched (only stories some rule matched).
    """
    rules = enabled_rules.get() if rules is None else rules
    if not rules:
        return {}
    stories = _load(story_ids)
    done = {}
    for story, routing in zip(stories, _routed(stories, rules).values(), strict=True):
        if routing.matched:
            _carry_out(story, routing)
            done[story.pk] = routing
    return done


@transaction.atomic
def move_rule(rule: RoutingRule, *, up: bool) -> None:
    """Swap ``rule`` with its neighbour above (``up``) or below; positions become 10, 20, …"""
    rules = list(RoutingRule.objects.select_for_update().order_by("position", "pk"))
    at = next(i for i, r in enumerate(rules) if r.pk == rule.pk)
    other = at - 1 if up else at + 1
    if 0 <= other < len(rules):
        rules[at], rules[other] = rules[other], rules[at]
    for n, r in enumerate(rules, start=1):
        if r.position != n * 10:
            r.position = n * 10
            r.save(update_fields=["position"])


@dataclass(frozen=True, slots=True)
class Change:
    """What a rule set would change in one story, against its current state."""

    story_id: int
    wire_id: str
    headline: str
    agency: str
    section_before: str
    section_after: str
    status_before: str
    status_after: str
    tags_added: tuple[str, ...]
    rules: tuple[str, ...]


def draft_rule_set(draft: Rule, *, position: int, replaces: int | None = None) -> list[Rule]:
    """The enabled saved rules with ``draft`` in place of rule ``replaces`` (or added at ``position``)."""
    saved = load_rules(exclude=replaces)
    before = [r for p, r in saved if p <= position]
    return [*before, draft, *[r for p, r in saved if p > position]]


def dry_run(rules: Sequence[Rule], days: int, *, now: datetime | None = None) -> list[Change]:
    """Replay ``rules`` over the stories received in the last ``days`` days; writes nothing.

    Reports, newest story first, each story the rules would change: section, status (a
    killed story keeps its status), tags not yet on it.
    """
    since = (now or timezone.now()) - timedelta(days=days)
    ids = Story.objects.filter(created__gte=since).order_by("-created", "-pk").values_list("pk", flat=True)[:5000]
    stories = _load(ids)
    stories.sort(key=lambda s: (s.created, s.pk), reverse=True)
    routed = _routed(stories, rules) if rules else {}
    current = _tag_names(stories, compute=False)
    sections = set(Section.objects.values_list("slug", flat=True))
    changes = []
    for story in stories:
        routing = routed.get(story.pk)
        if routing is None or not routing.matched:
            continue
        section_before = story.section.slug if story.section else ""
        section_after = section_before
        if routing.section is not None and routing.section in sections:
            section_after = routing.section
        status_after = story.status
        if routing.status is not None and not story.is_killed:
            status_after = STATUS_OF[routing.status]
        tags = tuple(name for name, _ in routing.tags if name.casefold() not in current[story.pk])
        if (section_after, status_after, tags) != (section_before, story.status, ()):
            changes.append(Change(story.pk, story.wire_id, story.headline, story.agency.slug, section_before,
                                  section_after, story.status, status_after, tags, routing.matched))  # fmt: skip
    return changes
