"""Routing rules as pure data: does a rule match a story, and what do the rules do to it.

Takes plain dataclasses (``StoryFacts``, ``Rule``) and returns ``Routing``. Does not import
Django, read the database or change anything: ``wiredesk.routing.services`` turns models
into these dataclasses and carries the result out through ``wiredesk.stories.services``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class StatusAction(StrEnum):
    NONE = ""
    PUBLISH = "publish"
    HOLD = "hold"
    DROP = "drop"


class Where(StrEnum):
    HEADLINE = "headline"
    BODY = "body"
    BOTH = "both"


@dataclass(frozen=True, slots=True)
class StoryFacts:
    """What the rules may look at in one story (its current agency version)."""

    agency: str  # agency slug
    origin: str = ""  # where the payload came from: URL, file path, ``push:ID``
    urgency: int | None = None
    language: str = ""
    headline: str = ""
    body: str = ""  # plain text
    subjects: frozenset[str] = frozenset()  # subject / Media Topic codes
    tags: frozenset[str] = frozenset()  # tag names, slugs and qcodes, case-folded


@dataclass(frozen=True, slots=True)
class Rule:
    """One routing rule. Empty conditions match everything; all set conditions must hold."""

    name: str
    agencies: frozenset[str] = frozenset()
    origins: tuple[str, ...] = ()  # prefixes of payload origins (a source's address)
    urgency_max: int | None = None
    languages: tuple[str, ...] = ()
    words_any: tuple[str, ...] = ()
    words_all: tuple[str, ...] = ()
    words_none: tuple[str, ...] = ()
    where: Where = Where.BOTH
    subjects: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    section: str = ""  # section slug; "" leaves the section alone
    status: StatusAction = StatusAction.NONE
    add_tags: tuple[str, ...] = ()
    stop: bool = False


@dataclass(frozen=True, slots=True)
class Routing:
    """What the rules decided for one story, and which rule decided each part.

    ``section``/``status`` are ``None`` when no rule set them; later rules override
    earlier ones; tags add up.
    """

    section: str | None = None
    section_rule: str = ""
    status: StatusAction | None = None
    status_rule: str = ""
    tags: tuple[tuple[str, str], ...] = ()  # (tag name, rule name)
    matched: tuple[str, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return self.section is None and self.status is None and not self.tags


def split_list(text: str) -> tuple[str, ...]:
    """Items of a text field: one per line or comma-separated, stripped, blanks dropped."""
    return tuple(item.strip() for item in re.split(r"[,\n]", text) if item.strip())


def _contains(text: str, word: str) -> bool:
    # whole words (or phrases), case-insensitive: "war" must not match "award"
    return re.search(rf"(?<!\w){re.escape(word.casefold())}(?!\w)", text) is not None


def _subject_matches(wanted: str, codes: Iterable[str]) -> bool:
    """``wanted`` names the code or a broader one: ``15000000`` (sport) matches ``15054000``."""
    wanted = wanted.casefold()
    prefix, _, number = wanted.rpartition(":")
    stem = number.rstrip("0") if number.isdigit() and len(number) == 8 else number
    for code in codes:
        code = code.casefold()
        c_prefix, _, c_number = code.rpartition(":")
        if code == wanted or (c_prefix == prefix and stem and c_number.startswith(stem)):
            return True
    return False


def _origin_matches(prefix: str, origin: str) -> bool:
    prefix = prefix.rstrip("/")
    return origin == prefix or origin.startswith(prefix + "/") or origin.startswith(prefix + "?")


def matches(rule: Rule, story: StoryFacts) -> bool:
    """Whether every condition ``rule`` sets holds for ``story``."""
    if rule.agencies and story.agency not in rule.agencies:
        return False
    if rule.origins and not any(_origin_matches(p, story.origin) for p in rule.origins):
        return False
    if rule.urgency_max is not None and (story.urgency is None or story.urgency > rule.urgency_max):
        return False
    language = story.language.casefold()
    if rule.languages and not any(
        language == lang.casefold() or language.startswith(lang.casefold() + "-") for lang in rule.languages
    ):
        return False
    text = " ".join(
        part for part, used in ((story.headline, rule.where != Where.BODY), (story.body, rule.where != Where.HEADLINE))
        if used
    ).casefold()  # fmt: skip
    if rule.words_any and not any(_contains(text, w) for w in rule.words_any):
        return False
    if rule.words_all and not all(_contains(text, w) for w in rule.words_all):
        return False
    if any(_contains(text, w) for w in rule.words_none):
        return False
    if rule.subjects and not any(_subject_matches(s, story.subjects) for s in rule.subjects):
        return False
    return not rule.tags or any(t.casefold() in story.tags for t in rule.tags)


def route(rules: Sequence[Rule], story: StoryFacts) -> Routing:
    """Run ``rules`` in order over ``story``; stop after a matching rule with ``stop``."""
    section, section_rule, status, status_rule = None, "", None, ""
    tags: dict[str, tuple[str, str]] = {}  # case-folded name → (name, first rule adding it)
    matched: list[str] = []
    for rule in rules:
        if not matches(rule, story):
            continue
        matched.append(rule.name)
        if rule.section:
            section, section_rule = rule.section, rule.name
        if rule.status != StatusAction.NONE:
            status, status_rule = rule.status, rule.name
        for tag in rule.add_tags:
            tags.setdefault(tag.casefold(), (tag, rule.name))
        if rule.stop:
            break
    return Routing(section, section_rule, status, status_rule, tuple(tags.values()), tuple(matched))
