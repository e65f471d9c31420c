"""IPTC Media Topics for a story: from the agency's own codes, else from keyword rules.

Agency codes: ``medtop:…`` is kept as it is; an IPTC Subject Code (``subj:…``,
``iptc:…``, ``subjectcode:…`` or a bare 8-digit code) becomes the Media Topic whose
``exactMatch`` names it, or the nearest broader subject code that has one. Stories with no
usable code are classified by the rules below: a phrase (word-bounded, case-insensitive)
found in the headline or body assigns the topic.

Pure: no Django, no database, no network. The vocabulary is passed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Concept:
    """One Media Topic: ``qcode`` (``medtop:20000053``), English label, broader qcode."""

    qcode: str
    label: str
    broader: str = ""
    subject_codes: tuple[str, ...] = ()  # 8-digit IPTC Subject Codes it matches exactly
    retired: bool = False


@dataclass(slots=True)
class Vocabulary:
    """Media Topics by qcode, and the subject-code → Media Topic index."""

    concepts: dict[str, Concept] = field(default_factory=dict)
    by_subject: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, concepts: Iterable[Concept]) -> Vocabulary:
        vocab = cls()
        for concept in concepts:
            vocab.concepts[concept.qcode] = concept
            for code in concept.subject_codes:
                # Several topics may name one subject code; the one with the same number
                # (medtop:16000000 for 16000000) is its real counterpart.
                if concept.qcode == f"medtop:{code}":
                    vocab.by_subject[code] = concept.qcode
                else:
                    vocab.by_subject.setdefault(code, concept.qcode)
        return vocab


def _qcode(value: str) -> str:
    """``http://cv.iptc.org/newscodes/mediatopic/20000053`` → ``medtop:20000053``."""
    if value.startswith("http"):
        return "medtop:" + value.rstrip("/").rsplit("/", 1)[1]
    return value


def parse_vocabulary(document: dict[str, Any]) -> list[Concept]:
    """The concepts of an IPTC NewsCodes JSON document (``conceptSet``), English labels.

    Accepts the full vocabulary as IPTC publishes it and the trimmed copy Wiredesk ships.
    """
    concepts = []
    for item in document.get("conceptSet", []):
        labels = item.get("prefLabel") or {}
        label = labels.get("en-GB") or labels.get("en-US") or labels.get("en") or next(iter(labels.values()), "")
        broader = [_qcode(b) for b in item.get("broader") or ()]
        subjects = tuple(m.rstrip("/").rsplit("/", 1)[1] for m in item.get("exactMatch") or () if "/subjectcode/" in m)
        concepts.append(
            Concept(
                qcode=_qcode(item.get("qcode") or item["uri"]),
                label=label,
                broader=broader[0] if broader else "",
                subject_codes=subjects,
                retired=bool(item.get("retired")),
            )
        )
    return concepts


# Keyword rules: phrase patterns → Media Topic. Order does not matter; all matches count.
RULES: tuple[tuple[str, str], ...] = (
    (
        "medtop:20000053",
        r"act(?:s)? of terror|terrorist (?:attack|cell|group)s?|suicide (?:attack|bomb)\w*|"
        r"terror (?:group|attack)s?|twin blasts?|bombings?",
    ),
    ("medtop:20000103", r"terrorism|terrorists?|islamic state|al-qaeda|daesh"),
    (
        "medtop:20000056",
        r"armed conflict|truce|air ?strikes?|missiles?|shelling|ceasefire|troops|militants?|"
        r"rebels?|drone (?:attack|strike)s?|military offensive",
    ),
    ("medtop:20000062", r"\bwar\b|invasion"),
    ("medtop:20000082", r"crimes?|criminal|murder\w*|robbery|smuggl\w+|kidnapp\w+"),
    ("medtop:20000130", r"arrest(?:ed|s)?|detained"),
    ("medtop:20000133", r"police"),
    ("medtop:20000099", r"homicide|murder\w*|stabbed to death|shot dead"),
    ("medtop:20000093", r"corruption|bribery|graft"),
    ("medtop:20000639", r"diplomat\w*|foreign minister|bilateral talks|summit"),
    ("medtop:20000574", r"election\w*|polls? (?:body|panel)|voters?|ballot"),
    ("medtop:11000000", r"parliament|prime minister|president|government|opposition party"),
    ("medtop:20000148", r"disaster|earthquake|flood\w*|cyclone|landslide"),
    ("medtop:20000153", r"earthquake|tremors?"),
    ("medtop:20000154", r"flood\w*"),
    ("medtop:20000150", r"\bfire\b|blaze"),
    ("medtop:04000000", r"econom\w+|inflation|stock market|gdp|central bank|trade deficit"),
    ("medtop:15000000", r"\bmatch\b|tournament|world cup|olympic\w*|championship"),
    ("medtop:20000888", r"cricket|test match|odi|t20"),
    ("medtop:07000000", r"health|hospital\w*|disease|vaccin\w+|pandemic"),
    ("medtop:17000000", r"weather|monsoon|heatwave|rainfall"),
    ("medtop:13000000", r"scien\w+|satellite|space agency|research"),
    ("medtop:20000605", r"intelligence (?:ministry|agency|services?)|espionage|spy"),
    ("medtop:20000598", r"defence|defense|armed forces|military"),
    ("medtop:20000107", r"court|judge|verdict"),
)
_COMPILED = tuple((qcode, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)) for qcode, pattern in RULES)


@dataclass(frozen=True, slots=True)
class TopicMatch:
    """A topic assigned to a story and why: ``code`` (the agency's) or ``rule`` (a phrase)."""

    qcode: str
    reason: str
    evidence: str


def _subject_number(code: str) -> str | None:
    scheme, _, value = code.rpartition(":")
    value = value.rstrip("/").rsplit("/", 1)[-1]
    if scheme in ("", "subj", "iptc", "subjectcode", "iptcsubject", "http", "https") and re.fullmatch(r"\d{8}", value):
        return value
    return None


def map_codes(codes: Iterable[str], vocab: Vocabulary) -> list[TopicMatch]:
    """Media Topics for the agency's own codes; unknown codes are left out."""
    out: list[TopicMatch] = []
    for code in codes:
        qcode: str | None = None
        if code.startswith("medtop:"):
            qcode = code if code in vocab.concepts else None
        elif (number := _subject_number(code)) is not None:
            # 15065000 → 15065000, 15000000: a detailed subject code falls back to its parent.
            for candidate in (number, number[:5] + "000", number[:2] + "000000"):
                # The 17 top-level Media Topics reuse their subject codes' numbers.
                if f"medtop:{candidate}" in vocab.concepts and candidate.endswith("000000"):
                    qcode = f"medtop:{candidate}"
                    break
                if candidate in vocab.by_subject:
                    qcode = vocab.by_subject[candidate]
                    break
        if qcode and all(m.qcode != qcode for m in out):
            out.append(TopicMatch(qcode, "code", code))
    return out


def classify(text: str, vocab: Vocabulary | None = None) -> list[TopicMatch]:
    """Media Topics for ``text`` by the keyword rules (those missing from ``vocab`` are skipped)."""
    out: list[TopicMatch] = []
    for qcode, pattern in _COMPILED:
        if vocab is not None and qcode not in vocab.concepts:
            continue
        if (match := pattern.search(text)) and all(m.qcode != qcode for m in out):
            out.append(TopicMatch(qcode, "rule", match.group(0)))
    return out


def topics_for(codes: Iterable[str], text: str, vocab: Vocabulary) -> list[TopicMatch]:
    """The agency's codes when any maps; otherwise the keyword rules."""
    return map_codes(codes, vocab) or classify(text, vocab)
