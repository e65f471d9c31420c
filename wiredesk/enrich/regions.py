"""Countries → news regions → default sections.

Regions follow how newsrooms file foreign news, not the UN geoscheme: Egypt sits in the
Middle East (as on most Middle East desks), Turkey in Europe, Afghanistan in South Asia.
Countries not listed explicitly fall back to their continent. See docs/enrich.md.

The region → section map here is only the default; the one in force is the
``RegionSection`` table, editable in Django admin.

Pure: no Django, no database, no network.
"""

from __future__ import annotations

REGIONS: dict[str, str] = {
    "middle-east": "Middle East",
    "south-asia": "South Asia",
    "east-asia": "East Asia",
    "southeast-asia": "Southeast Asia",
    "central-asia": "Central Asia",
    "europe": "Europe",
    "africa": "Africa",
    "americas": "Americas",
    "oceania": "Oceania",
    "antarctica": "Antarctica",
}

_EXPLICIT: dict[str, str] = {
    **dict.fromkeys("IR IQ SY IL PS LB JO SA YE OM AE QA BH KW EG".split(), "middle-east"),
    **dict.fromkeys("IN PK BD LK NP BT MV AF".split(), "south-asia"),
    **dict.fromkeys("CN JP KR KP MN TW HK MO".split(), "east-asia"),
    **dict.fromkeys("ID MY SG TH VN PH MM KH LA BN TL".split(), "southeast-asia"),
    **dict.fromkeys("KZ UZ TM KG TJ".split(), "central-asia"),
    **dict.fromkeys("TR RU GE AM AZ CY".split(), "europe"),
}
_CONTINENTS = {
    "EU": "europe",
    "AF": "africa",
    "NA": "americas",
    "SA": "americas",
    "OC": "oceania",
    "AN": "antarctica",
    "AS": "east-asia",
}

# Default region → section slug. Only sections that exist are ever used.
DEFAULT_SECTIONS: dict[str, str] = {
    "middle-east": "middle-east",
    "south-asia": "south-asia",
    "east-asia": "asia",
    "southeast-asia": "asia",
    "central-asia": "asia",
    "europe": "europe",
    "africa": "africa",
    "americas": "americas",
    "oceania": "asia-pacific",
}


def region_of(country: str, continent: str | None = None) -> str | None:
    """The region slug of ISO country ``country``; ``continent`` (e.g. ``EU``) is the fallback."""
    if country in _EXPLICIT:
        return _EXPLICIT[country]
    return _CONTINENTS.get(continent or "")


def section_slug_for(country: str | None, region: str | None, mapping: dict[str, str]) -> str | None:
    """The section slug ``mapping`` gives the country (an ISO code key wins) or its region."""
    if country and country in mapping:
        return mapping[country]
    if region and region in mapping:
        return mapping[region]
    return None
