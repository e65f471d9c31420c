"""A deterministic generator of demo wire payloads from invented agencies.

``generate_wire(n)`` writes ``n`` invented stories, spread evenly over eight wire formats
(NITF 3.x, NewsML-G2 newsItem, NewsML-G2 newsMessage, ninjs 3.x, vendor-style ninjs 1.x,
RSS 2.0, Atom 1.0, JSON Feed 1.1), and returns the payloads an ingest would receive, in
the order an agency would send them. About one story in eight has a lifecycle: later
versions (same id, higher version, newer time, changed headline and body), a correction
(NewsML-G2 ``sig:correction``, NITF ``correction``, ninjs ``signals``), a kill (pubStatus
``stat:canceled``, NITF ``management-status="canceled"``), or an embargo that ends after
``start`` or one that ended before it. With ``n_stories >= 13`` each of these
appears.

The same arguments always give the same bytes. Story ids hold the seed, so corpora of
two seeds ingested into one database do not collide. Story times end four hours before
``start`` (a fixed date by default; pass ``datetime.now(UTC)`` for a live demo), so every
version is in the past except the future embargoes.

Pure Python: no Django, no database, no network, no files written. Every text is made up
from the word lists in ``_texts``; it is not real news.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Final

from wiredesk.demo import _formats as fmt
from wiredesk.demo import _texts as texts
from wiredesk.demo._formats import DemoAgency, WireVersion

DEFAULT_START: Final = datetime(2024, 1, 21, 12, 0, tzinfo=UTC)
DEMO_AGENCIES: Final[list[tuple[str, str, str, str]]] = [a[:4] for a in texts.AGENCIES]
DEMO_SECTIONS: Final[list[tuple[str, str]]] = list(texts.SECTIONS)

# Story i gets FORMATS[i % 8]: an equal share of stories per format.
FORMATS: Final = (
    "nitf", "newsml-g2", "ninjs-3", "rss", "newsml-g2-message", "ninjs-1", "atom", "jsonfeed",
)  # fmt: skip
# format → (renderer of one version, file tag, extension)
_SINGLE: Final[dict[str, tuple[Callable[[WireVersion], bytes], str, str]]] = {
    "nitf": (fmt.nitf, "nitf", "xml"),
    "newsml-g2": (fmt.g2_news_item, "g2", "xml"),
    "ninjs-3": (fmt.ninjs3, "ninjs3", "json"),
    "ninjs-1": (fmt.ninjs1, "ninjs1", "json"),
}
# format → (renderer of several versions, file tag, extension, items per payload)
_MULTI: Final[dict[str, tuple[Callable[[list[WireVersion]], bytes], str, str, tuple[int, int]]]] = {
    "newsml-g2-message": (lambda vs: fmt.g2_news_message(vs, number=len(vs)), "g2msg", "xml", (3, 8)),
    "rss": (fmt.rss, "rss", "xml", (10, 40)),
    "atom": (fmt.atom, "atom", "xml", (8, 30)),
    "jsonfeed": (fmt.jsonfeed, "jsonfeed", "json", (8, 30)),
}
_LIFECYCLE_FORMATS: Final = frozenset({"nitf", "newsml-g2", "newsml-g2-message", "ninjs-3", "ninjs-1"})
_CORRECTION_FORMATS: Final = frozenset({"nitf", "newsml-g2", "newsml-g2-message", "ninjs-3"})
# The first stories always carry these roles, so that a small corpus shows every case.
_FORCED: Final = {
    0: "kill", 1: "update", 2: "embargo-future", 3: "update", 4: "embargo-past", 5: "update",
    6: "update", 7: "update", 8: "correction", 9: "correction", 10: "correction", 12: "kill",
}  # fmt: skip
_AGENCIES: Final = tuple(DemoAgency(*a) for a in texts.AGENCIES)
_TOPICS: Final = tuple(texts.TOPICS)
_MON: Final = tuple(m[:3] for m in texts.MONTHS)


@dataclass(frozen=True, slots=True)
class DemoPayload:
    """One generated payload: a file ``name`` (``0001-acme-nitf.xml``), its bytes, the slug
    of the demo agency that sent it, and its wire format (a key of ``FORMATS``)."""

    name: str
    data: bytes
    agency: str
    format: str


@dataclass(slots=True)
class _Draft:
    """What a story is made of, kept so that later versions can be written from it."""

    version: WireVersion
    templates: list[str]
    slots: dict[str, str]
    prefix: str  # dateline and separator at the start of the body


def generate_wire(n_stories: int, *, seed: int = 1, start: datetime | None = None) -> list[DemoPayload]:
    """Return the payloads of ``n_stories`` invented stories, oldest first.

    Later versions, corrections and kills come in payloads of their own, after the
    story's first version. Raises ``ValueError`` for a negative ``n_stories``. Does not
    touch the database or the file system.
    """
    if n_stories < 0:
        raise ValueError("n_stories must not be negative")
    start = (start or DEFAULT_START).replace(microsecond=0)
    start = start.replace(tzinfo=UTC) if start.tzinfo is None else start.astimezone(UTC)
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not a secret
    end = start - timedelta(hours=4)
    versions: list[WireVersion] = []
    for index in range(n_stories):
        created = end - timedelta(seconds=(n_stories - index) * 75 + rng.randrange(60))
        kind = FORMATS[index % len(FORMATS)]
        draft = _draft(rng, seed, index, kind, created, english=index in _FORCED)
        role = _FORCED.get(index) or _role(rng, kind, draft.version.language)
        versions.extend(_lifecycle(rng, draft, role, start))
    versions.sort(key=lambda v: v.version_created)  # stable: a story's versions stay in order
    return _package(rng, versions)


def _role(rng: random.Random, kind: str, language: str) -> str:
    roll = rng.random()
    if language != "en" or roll >= 0.125:
        return ""
    if roll < 0.075 or kind not in _LIFECYCLE_FORMATS:
        return "update" if roll < 0.075 else ""
    if roll < 0.095:
        return "correction" if kind in _CORRECTION_FORMATS else "update"
    return "kill" if roll < 0.105 else "embargo-future" if roll < 0.115 else "embargo-past"


def _draft(rng: random.Random, seed: int, index: int, kind: str, created: datetime, *, english: bool) -> _Draft:
    agency = _AGENCIES[rng.randrange(len(_AGENCIES))]
    roll = rng.random()
    language = "en" if english or roll >= 0.08 else "ur" if roll < 0.04 else "ar"
    date_text = f"{_MON[created.month - 1]} {created.day}"
    person = f"{rng.choice(texts.FIRST_NAMES)} {rng.choice(texts.LAST_NAMES)}"
    byline = "" if rng.random() < (0.5 if agency.style == "colon" else 0.15) else person
    if language == "en":
        city, country, _ = rng.choice(texts.PLACES)
        topic = rng.choice(_TOPICS)
        slots = _slots(rng, city, country, person, created)
        headline = rng.choice(texts.HEADLINES[topic]).format_map(slots)
        abstract = rng.choice(texts.ABSTRACTS[topic]).format_map(slots)
        templates = _pick_templates(rng, topic)
        urgency = rng.choice((1, 2, 3)) if topic == "conflict" else rng.choice((2, 3, 4, 4, 5, 5, 5, 6))
        if agency.style == "dash":
            dateline = f"{city.upper()}, {date_text} ({agency.tag})"
            prefix = f"{dateline} - "
        else:
            dateline, prefix = city, f"{city}: "
    else:
        cities, tag, stories = texts.FOREIGN[language]
        city, native = rng.choice(cities)
        topic = rng.choice(tuple(stories))
        headline, sentences = stories[topic]
        abstract, slots, templates = sentences[0], {}, list(sentences)
        urgency = rng.choice((3, 4, 5))
        dateline = f"{native} ({tag})" if tag else native
        prefix = f"{dateline} - " if tag else f"{native}: "
    slugline = f"{topic.upper()}-{city.upper().replace(' ', '-')}"
    version = WireVersion(
        agency=agency, kind=kind, agency_id=_agency_id(kind, agency, f"{seed}-{index:07d}", created),
        version=1, first_created=created, version_created=created, headline=headline,
        abstract=abstract, byline=byline, dateline=dateline, city=city, date_text=date_text,
        language=language, urgency=urgency, subjects=texts.TOPICS[topic][1], slugline=slugline,
        paragraphs=_paragraphs(templates, slots, prefix),
        link=f"{agency.url}news/{created:%Y/%m/%d}/{index:07d}", xhtml=rng.random() < 0.3,
    )  # fmt: skip
    return _Draft(version=version, templates=templates, slots=slots, prefix=prefix)


def _slots(rng: random.Random, city: str, country: str, person: str, created: datetime) -> dict[str, str]:
    team, rival = rng.sample(texts.TEAMS, 2)
    n = rng.randint(3, 40)
    return {
        "city": city, "country": country, "person": person,
        "weekday": texts.WEEKDAYS[created.weekday()], "month": texts.MONTHS[(created.month - 2) % 12],
        "n": str(n), "m": str(n + rng.randint(2, 60)), "pct": f"{rng.uniform(0.2, 9.5):.1f}",
        "rate": f"{rng.uniform(1.5, 12.0):.2f}", "team": team, "rival": rival,
        "score": f"{rng.randint(1, 4)}-{rng.randint(0, 2)}", "issue": rng.choice(texts.ISSUES),
        "firm": rng.choice(texts.FIRMS), "crowd": f"{rng.randint(8, 60) * 1000:,}",
        "mm": str(rng.randint(40, 220)), "growth": f"{rng.uniform(0.5, 7.5):.1f}",
    }  # fmt: skip


def _pick_templates(rng: random.Random, topic: str) -> list[str]:
    """4–8 paragraph templates: the topic's lead, then topic and general ones in order."""
    lead, *rest = texts.PARAGRAPHS[topic]
    count = rng.randint(4, 8) - 1
    own = sorted(rng.sample(range(len(rest)), min(count, len(rest), rng.randint(3, 5))))
    general = rng.sample(texts.GENERAL, count - len(own))
    return [lead, *(rest[i] for i in own), *general]


def _paragraphs(templates: list[str], slots: dict[str, str], prefix: str) -> tuple[str, ...]:
    filled = [t.format_map(slots) for t in templates] if slots else list(templates)
    filled[0] = prefix + filled[0]
    return tuple(filled)


def _agency_id(kind: str, agency: DemoAgency, number: str, created: datetime) -> str:
    """The agency's id for the story, written the way each format usually writes it."""
    day = f"{created:%Y%m%d}"
    if kind == "nitf":
        return f"{agency.tag}-{day}-{number}"
    if kind.startswith("newsml-g2"):
        return f"urn:newsml:{agency.host}:{day}:{number}"
    if kind == "ninjs-3":
        return f"{agency.url}ninjs/{number}"
    if kind == "ninjs-1":
        return f"tag:{agency.host},{created.year}:{number}"
    if kind == "atom":
        return f"tag:{agency.host},{created:%Y-%m-%d}:{number}"
    return f"{agency.url}{kind}/{number}"  # rss, jsonfeed


def _lifecycle(rng: random.Random, draft: _Draft, role: str, start: datetime) -> list[WireVersion]:
    """The story's first version and, by ``role``, its embargo or later versions."""
    first = draft.version
    if role == "embargo-future":
        return [replace(first, embargoed=start + timedelta(hours=rng.randint(2, 30)))]
    if role == "embargo-past":
        return [replace(first, embargoed=first.version_created + timedelta(minutes=rng.randint(15, 90)))]
    out = [first]
    if role == "update":
        templates = list(draft.templates)
        for number in range(2, 2 + (1 if rng.random() < 0.7 else 2)):
            templates.insert(2, rng.choice(texts.UPDATE_PARAGRAPHS))
            if len(templates) > 8:
                templates.pop()  # bodies stay within 4–8 paragraphs
            out.append(replace(
                out[-1], version=number, signal="update",
                version_created=out[-1].version_created + timedelta(minutes=rng.randint(20, 90)),
                headline=f"UPDATE {number - 1}-{first.headline}",
                paragraphs=_paragraphs(templates, draft.slots, draft.prefix),
                ednote=f"Updates with new details in paragraph 3 (version {number}).",
            ))  # fmt: skip
    elif role == "correction":
        old = draft.slots["person"]
        fixed = f"{old.split()[0]} {rng.choice([n for n in texts.LAST_NAMES if n != old.split()[1]])}"
        out.append(replace(
            first, version=2, signal="correction",
            version_created=first.version_created + timedelta(minutes=rng.randint(30, 120)),
            paragraphs=_paragraphs(draft.templates, {**draft.slots, "person": fixed}, draft.prefix),
            byline=fixed if first.byline == old else first.byline,
            ednote=f"Corrects spelling of name to {fixed} from {old}.",
        ))  # fmt: skip
    elif role == "kill":
        out.append(replace(
            first, version=2, canceled=True,
            version_created=first.version_created + timedelta(minutes=rng.randint(30, 180)),
            headline=f"KILL - {first.headline}", abstract="This story has been withdrawn.",
            paragraphs=(texts.KILL_PARAGRAPH,),
            ednote="Kill: this story has been withdrawn by the agency. Do not use it.",
        ))  # fmt: skip
    return out


def _package(rng: random.Random, versions: list[WireVersion]) -> list[DemoPayload]:
    """Group versions into payloads: one per single-item format, batches for the others.

    A batch collects versions of one agency, format and language; a second version of a
    story already in the batch closes it first, so versions keep their order.
    """
    groups: list[list[WireVersion]] = []
    open_: dict[tuple[str, str, str], tuple[list[WireVersion], set[str], int]] = {}
    for v in versions:
        if v.kind in _SINGLE:
            groups.append([v])
            continue
        key = (v.agency.slug, v.kind, v.language)
        batch = open_.get(key)
        if batch is not None and v.agency_id in batch[1]:
            groups.append(open_.pop(key)[0])
            batch = None
        if batch is None:
            batch = open_[key] = ([], set(), rng.randint(*_MULTI[v.kind][3]))
        batch[0].append(v)
        batch[1].add(v.agency_id)
        if len(batch[0]) >= batch[2]:
            groups.append(open_.pop(key)[0])
    groups.extend(batch[0] for batch in open_.values())
    width = max(4, len(str(len(groups))))
    payloads = []
    for number, group in enumerate(groups, start=1):
        kind, slug = group[0].kind, group[0].agency.slug
        if kind in _SINGLE:
            render, tag, ext = _SINGLE[kind]
            data = render(group[0])
        else:
            render_many, tag, ext, _ = _MULTI[kind]
            data = render_many(group)
        payloads.append(DemoPayload(name=f"{number:0{width}d}-{slug}-{tag}.{ext}", data=data, agency=slug, format=kind))
    return payloads
