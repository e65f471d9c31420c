"""Whom the agency cites: "…, Xinhua news agency reported", "citing Deputy Interior Minister …".

``find_citations`` returns every source named by a reporting phrase; ``provenance_line``
turns the ones that are news agencies or media into "IANS, citing Xinhua".

Pure: no Django, no database, no network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# News agencies and media an agency may cite, by the names agencies write.
KNOWN_MEDIA: dict[str, str] = {
    "xinhua": "Xinhua",
    "reuters": "Reuters",
    "afp": "AFP",
    "ap": "AP",
    "associated press": "AP",
    "irna": "IRNA",
    "tasnim": "Tasnim",
    "fars": "Fars",
    "mehr": "Mehr",
    "isna": "ISNA",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "sputnik": "Sputnik",
    "yonhap": "Yonhap",
    "kyodo": "Kyodo",
    "pti": "PTI",
    "ians": "IANS",
    "ani": "ANI",
    "uni": "UNI",
    "wam": "WAM",
    "spa": "SPA",
    "kuna": "KUNA",
    "qna": "QNA",
    "anadolu": "Anadolu",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "bernama": "Bernama",
    "antara": "Antara",
    "app": "APP",
    "bss": "BSS",
    "sana": "SANA",
    "wafa": "WAFA",
    "press tv": "Press TV",
    "al jazeera": "Al Jazeera",
    "bbc": "BBC",
    "cnn": "CNN",
    "global times": "Global Times",
    "kcna": "KCNA",
    "petra": "Petra",
    "mena": "MENA",
    "saudi press": "SPA",
    "emirates news": "WAM",
    "kuwait news": "KUNA",
    "anadolu agency": "Anadolu",
}
_SOURCE = r"(?P<source>(?:the )?(?:[A-Z][\w'’-]*|al|of|for|and|news|agency|state|official|semi-official| )+?)"
_PATTERNS = (
    # "…, Xinhua news agency reported." / "the official IRNA news agency said"
    re.compile(
        rf"{_SOURCE}\s*(?:news agency|agency|TV|television|media|newspaper|daily)?\s+"
        r"(?:reported|said|quoted|announced)\b"
    ),
    # "citing Deputy Interior Minister for Security Affairs Majid Mir-Ahmadi"
    re.compile(r"\b(?i:citing) (?P<source>(?:the |an? )?(?:[A-Z][\w'’-]*|for|of|and|the|news|agency| )+)"),
    # "according to Xinhua" / "quoted by state TV"
    re.compile(r"\b(?i:according to|quoted by|as reported by) (?P<source>(?:the )?(?:[A-Z][\w'’-]*| )+)"),
)
_TRIM = re.compile(r"^(?:the|an?|official|semi-official|state-run|state)\s+|\s+(?:news agency|agency|on|in)$", re.I)


_LEAD = re.compile(r"^(?:the|official|semi-official|state-run|state)\s+", re.IGNORECASE)
_VERB = re.compile(r"\s+(?:reported|said|quoted|announced)$")


@dataclass(frozen=True, slots=True)
class Citation:
    """A source the agency cites: ``name`` as written, ``media`` when it is an agency or outlet."""

    name: str
    media: bool


def _clean(source: str) -> str:
    source = " ".join(source.split()).strip(" ,.;:")
    previous = None
    while previous != source:
        previous, source = source, _TRIM.sub("", source).strip(" ,.;:")
    return source


def _media_name(source: str) -> str | None:
    folded = source.casefold()
    for key, name in KNOWN_MEDIA.items():
        if re.search(rf"(?<!\w){re.escape(key)}(?!\w)", folded):
            return name
    return None


def find_citations(text: str) -> list[Citation]:
    """The sources ``text`` cites, in order, each once; media named by their usual name."""
    found: list[tuple[int, Citation]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            raw = match.group(0)
            source = _clean(match.group("source"))
            if not source or not source[0].isupper() or len(source) > 90:
                continue
            media = _media_name(source)
            if media is None and re.search(r"\bnews agency\b|\bagency (?:reported|said)", raw, re.IGNORECASE):
                # An agency we do not know by name: "…, the Lanka News Agency reported".
                media = _LEAD.sub("", _VERB.sub("", " ".join(raw.split()))).strip(" ,.;:")
            if media is None and source.split()[0].lower() in {"he", "she", "it", "they", "we", "i", "this"}:
                continue
            found.append((match.start("source"), Citation(media or source, media is not None)))
    found.sort(key=lambda item: item[0])
    out: list[Citation] = []
    for _, citation in found:
        if citation not in out:
            out.append(citation)
    return out


def provenance_line(agency: str, citations: list[Citation]) -> str:
    """ "IANS, citing Xinhua" — the agency and the media it cites (itself left out)."""
    cited = [c.name for c in citations if c.media and c.name.casefold() != agency.casefold()]
    if not cited:
        return agency
    names = cited[0] if len(cited) == 1 else ", ".join(cited[:-1]) + " and " + cited[-1]
    return f"{agency}, citing {names}"
