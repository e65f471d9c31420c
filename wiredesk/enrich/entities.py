"""People and organisations a story names.

No statistical model: a curated alias list (``ALIASES``: every spelling agencies use →
one canonical name) finds known people and organisations; unknown people are found only
after an official title ("Deputy Interior Minister … Majid Mir-Ahmadi", "President Joe
Biden") and only when the name is not a place in the gazetteer — the gazetteer gate.

Pure: no Django, no database, no network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wiredesk.enrich.gazetteer import Gazetteer, get_gazetteer

ORG, PERSON = "organisation", "person"

# canonical name → (kind, aliases). Aliases are matched case-sensitively on word bounds,
# so "IS" (Islamic State) is only taken in capitals and after a group word (see _GUARDED).
ALIASES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Islamic State": (ORG, ("Islamic State", "ISIS", "ISIL", "Daesh", "IS")),
    "Islamic Revolution Guards Corps": (
        ORG,
        ("Islamic Revolution Guards Corps", "Islamic Revolutionary Guard Corps", "Revolutionary Guards", "IRGC"),
    ),
    "Xinhua": (ORG, ("Xinhua",)),
    "IANS": (ORG, ("IANS", "Indo-Asian News Service")),
    "Press Trust of India": (ORG, ("PTI", "Press Trust of India")),
    "Reuters": (ORG, ("Reuters",)),
    "Agence France-Presse": (ORG, ("AFP", "Agence France-Presse")),
    "Associated Press": (ORG, ("Associated Press",)),
    "IRNA": (ORG, ("IRNA", "Islamic Republic News Agency")),
    "Tasnim": (ORG, ("Tasnim",)),
    "Hamas": (ORG, ("Hamas",)),
    "Hezbollah": (ORG, ("Hezbollah", "Hizbollah")),
    "Houthis": (ORG, ("Houthis", "Houthi", "Ansarullah")),
    "Taliban": (ORG, ("Taliban",)),
    "Al-Qaeda": (ORG, ("Al-Qaeda", "al-Qaeda", "Al Qaeda")),
    "United Nations": (ORG, ("United Nations", "UN")),
    "UN Security Council": (ORG, ("UN Security Council", "Security Council")),
    "NATO": (ORG, ("NATO", "Nato")),
    "European Union": (ORG, ("European Union", "EU")),
    "World Health Organization": (ORG, ("World Health Organization", "WHO")),
    "Iran's Intelligence Ministry": (ORG, ("Intelligence Ministry",)),
    "Pentagon": (ORG, ("Pentagon",)),
    "Bharatiya Janata Party": (ORG, ("BJP", "Bharatiya Janata Party")),
    "Indian National Congress": (ORG, ("Congress party",)),
    "Qassem Soleimani": (PERSON, ("Qassem Soleimani", "Qasem Soleimani", "Soleimani")),
    "Ali Khamenei": (PERSON, ("Ali Khamenei", "Khamenei")),
    "Ebrahim Raisi": (PERSON, ("Ebrahim Raisi", "Raisi")),
    "Narendra Modi": (PERSON, ("Narendra Modi", "Modi")),
    "Joe Biden": (PERSON, ("Joe Biden", "Biden")),
    "Xi Jinping": (PERSON, ("Xi Jinping",)),
    "Vladimir Putin": (PERSON, ("Vladimir Putin", "Putin")),
    "Volodymyr Zelensky": (PERSON, ("Volodymyr Zelensky", "Zelensky", "Zelenskyy")),
    "Benjamin Netanyahu": (PERSON, ("Benjamin Netanyahu", "Netanyahu")),
    "Antonio Guterres": (PERSON, ("Antonio Guterres", "Guterres")),
    "Hossein Amir-Abdollahian": (PERSON, ("Hossein Amir-Abdollahian", "Amir-Abdollahian")),
    "Majid Mir-Ahmadi": (PERSON, ("Majid Mir-Ahmadi", "Mir-Ahmadi")),
}
# Short all-capital aliases that are also ordinary words or codes need a group word next
# to them ("IS militants", "the IS") before they count.
_GUARDED = {"IS", "UN", "EU", "WHO"}
_GUARD_CONTEXT = re.compile(
    r"(?:\bthe\s+|\bof\s+the\s+)$|^\s+(?:group|militants?|fighters|terrorists?|jihadists?|chief|"
    r"agency|official|officials|member|members|secretary|spokes\w+|said|says|claimed|has|had|and)\b"
)

_TITLES = (
    r"(?:Deputy |Vice |Former |Acting |State )?(?:Prime Minister|President|Foreign Minister|Interior Minister|"
    r"Defence Minister|Defense Minister|Minister(?: of [A-Z][a-z]+| for [A-Z][\w ]+?)?|Chief Minister|"
    r"Governor|Spokes(?:man|woman|person)|Secretary(?:-General)?|Ambassador|General|Commander|Senator|"
    r"Chief Justice|Home Minister|Finance Minister|Interior Minister for [A-Z][\w ]+?)"
)
_PERSON_AFTER_TITLE = re.compile(rf"\b{_TITLES}\s+(?P<name>[A-Z][a-z]+(?:[- ][A-Z][a-z]+){{1,3}})\b")


@dataclass(frozen=True, slots=True)
class Entity:
    """A person or organisation the story names. ``source``: ``alias`` or ``title``."""

    name: str
    kind: str
    source: str


def _alias_patterns() -> list[tuple[str, str, str, re.Pattern[str]]]:
    out = []
    for canonical, (kind, aliases) in ALIASES.items():
        for alias in sorted(aliases, key=len, reverse=True):
            out.append((canonical, kind, alias, re.compile(rf"(?<![\w-]){re.escape(alias)}(?![\w-])")))
    # Longest aliases first so "UN Security Council" wins over "UN".
    out.sort(key=lambda row: -len(row[2]))
    return out


_PATTERNS = _alias_patterns()


def find_entities(text: str, gazetteer: Gazetteer | None = None) -> list[Entity]:
    """Known people and organisations, then titled people, in order of first mention."""
    gazetteer = gazetteer or get_gazetteer()
    taken: list[tuple[int, int]] = []
    hits: list[tuple[int, Entity]] = []
    for canonical, kind, alias, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            if alias in _GUARDED and not (
                _GUARD_CONTEXT.search(text[max(0, start - 12) : start]) or _GUARD_CONTEXT.match(text[end : end + 20])
            ):
                continue
            taken.append((start, end))
            hits.append((start, Entity(canonical, kind, "alias")))
    for match in _PERSON_AFTER_TITLE.finditer(text):
        start, end = match.span("name")
        name = match.group("name")
        if any(s < end and start < e for s, e in taken) or gazetteer.lookup(name):
            continue
        taken.append((start, end))
        hits.append((start, Entity(name, PERSON, "title")))
    hits.sort(key=lambda hit: hit[0])
    seen: set[tuple[str, str]] = set()
    out = []
    for _, entity in hits:
        if (entity.name, entity.kind) not in seen:
            seen.add((entity.name, entity.kind))
            out.append(entity)
    return out
