"""Where a story happens: its dateline place and the places named in its text.

The dateline comes from the agency's field (NITF ``dateline``, NewsML-G2 ``located`` /
``dateline``) or from the start of the body (``Tehran:``, ``TEHRAN, Jan 21 (IANS) -``).
Names in the text are checked against the gazetteer through a gate, so ordinary
capitalised words ("Mobile", "Reading", "Sunday") are not taken for towns: a city named
in running text must be large, or announced by a place word ("in", "near", "city of").

Pure: no Django, no database, no network.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from wiredesk.enrich.gazetteer import Entry, Gazetteer, get_gazetteer

# Cities of at least this population are taken wherever they are named.
BIG_CITY = 1_000_000
# Smaller ones (down to the gazetteer's 15,000) only after a place cue.
CUED_CITY = 15_000
_CUES = frozenset({"in", "near", "at", "from", "to", "outside", "into", "across", "of", "around", "towards"})
_CUE_AFTER = re.compile(r"^\s+(?:city|town|province|district|region|village|area)\b", re.IGNORECASE)

# Capitalised words that are also city names somewhere and must never be taken for one:
# weekdays, months, titles, and English words that happen to be towns.
STOPWORDS = frozenset(
    w.casefold()
    for w in """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December The A An This That These Those It He She They We I You
    Many Some Most Mr Mrs Ms Dr President Minister Deputy Security Interior Affairs Official Officials Police
    Army Government Ministry State News Agency Reuters Xinhua Of Bath Reading Mobile Nice Split Male Mission
    Victoria Florence Hope Regina Marion Eureka Liberty Independence Union Unity Progress Concord Commerce
    Industry Opportunity Paradise Temple Mosque Church Bay Lake River Mount Santa San Saint St Gulf Sea North
    South East West Central Northern Southern Eastern Western Islamic Islam Muslim Revolution Guards Corps
    Intelligence Terror Terrorist Terrorists Conspiracy Enemy Friday Supreme Leader Court Parliament Prime
    General Chief Kerala Delhi-based Media Foreign National Republic Democratic People Party Council""".split()
)
_NAME = re.compile(r"(?<![\w-])([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|al|el|de|da|du|la))*)")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*$")
_DATELINE_BODY = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z'’. -]{1,40}?)\s*(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
    r"|\s*\((?:[A-Za-z]+)\)|:|\s[-–—]\s)",
)


@dataclass(frozen=True, slots=True)
class Place:
    """A place the story names, resolved to a country. ``source``: ``dateline`` or ``text``."""

    name: str
    country: str
    kind: str  # "country" | "city"
    source: str
    mentions: int = 1


def dateline_text(dateline: str, located: str, body_text: str) -> str:
    """The dateline's place name: from the agency's fields, else the start of the body."""
    for value in (located, dateline):
        value = value.strip(" \t:,;.-–—")
        if value:
            # "TEHRAN, Jan 21 (IANS)" → "TEHRAN"; "Tehran" stays.
            return re.split(r"[,(:]| [-–—] ", value, maxsplit=1)[0].strip()
    match = _DATELINE_BODY.match(body_text)
    return match.group("place").strip() if match else ""


def resolve_dateline(name: str, gazetteer: Gazetteer | None = None) -> Place | None:
    """The place a dateline names. Any city counts here: the agency says it is a place."""
    gazetteer = gazetteer or get_gazetteer()
    for candidate in (name, name.title()):
        entries = gazetteer.lookup(candidate)
        if entries:
            best = entries[0]
            return Place(best.name, best.country, best.kind, "dateline")
    return None


def _accept(entry: Entry, text: str, start: int, end: int) -> bool:
    """The gazetteer gate for a name found in running text."""
    if entry.kind == "country":
        return True
    if entry.alternate:
        # An alternate spelling ("Teheran") counts only for big cities: small towns'
        # alternate names are too often ordinary words ("Dawn", a Singapore suburb).
        return entry.population >= BIG_CITY
    if entry.population >= BIG_CITY:
        return True
    if entry.population < CUED_CITY:
        return False
    before = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    return bool(before and before.group(1).casefold() in _CUES) or bool(_CUE_AFTER.match(text[end:]))


def _candidates(phrase: str) -> list[tuple[int, str]]:
    """Sub-phrases of a capitalised run, longest first, with their offsets in ``phrase``."""
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", phrase)]
    out: list[tuple[int, str]] = []
    for size in range(min(len(words), 4), 0, -1):
        for i in range(len(words) - size + 1):
            start = words[i][0]
            end = words[i + size - 1][0] + len(words[i + size - 1][1])
            out.append((start, phrase[start:end]))
    return out


def find_places(text: str, gazetteer: Gazetteer | None = None) -> list[Place]:
    """The countries and cities named in ``text``, in order of first mention, with counts.

    Demonyms count for their country ("Iranian" → Iran). Does not read datelines.
    """
    gazetteer = gazetteer or get_gazetteer()
    found: dict[tuple[str, str], Place] = {}
    counts: Counter[tuple[str, str]] = Counter()
    for match in _NAME.finditer(text):
        phrase, base = match.group(1).rstrip(".’'"), match.start(1)
        taken: list[tuple[int, int]] = []
        for offset, candidate in _candidates(phrase):
            start, end = base + offset, base + offset + len(candidate)
            if any(s < end and start < e for s, e in taken):
                continue
            clean = candidate.strip(".,’'")
            if clean.casefold() in STOPWORDS:
                continue
            entries = gazetteer.lookup(clean)
            place: Place | None = None
            if entries and _accept(entries[0], text, start, end):
                e = entries[0]
                place = Place(e.name, e.country, e.kind, "text")
            elif (code := gazetteer.demonym(clean.removesuffix("s"))) is not None:
                place = Place(gazetteer.country_name.get(code, code), code, "country", "text")
            if place is None:
                continue
            taken.append((start, end))
            key = (place.name, place.country)
            found.setdefault(key, place)
            counts[key] += 1
    return [Place(p.name, p.country, p.kind, p.source, counts[key]) for key, p in found.items()]


def primary_country(dateline: Place | None, places: list[Place]) -> str | None:
    """The story's country: the dateline's, else the one named most often (first on a tie)."""
    if dateline is not None:
        return dateline.country
    tally: Counter[str] = Counter()
    for place in places:
        tally[place.country] += place.mentions
    if not tally:
        return None
    best = max(tally.values())
    return next(p.country for p in places if tally[p.country] == best)
