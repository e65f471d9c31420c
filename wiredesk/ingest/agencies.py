"""Find the ``Agency`` a story belongs to from the name its payload gives.

Agencies write their names many ways ("AP", "ap.org", "Associated Press", "nprov:AP");
an agency's slug, name and aliases are all matched, case-insensitively. A name never seen
before creates a new agency (so nothing is lost), which an admin can later merge by adding
the name to an existing agency's aliases. A payload that names no agency at all goes to the
agency named after its origin's host, or to "Unattributed wire".
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.utils.text import slugify

from wiredesk.stories.models import Agency

UNATTRIBUTED = ("wire", "Unattributed wire")


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", name.lower())


class AgencyResolver:
    """Resolves provider names to agencies, caching what it has seen for one ingest run."""

    def __init__(self) -> None:
        self._known: dict[str, Agency] | None = None

    def _index(self) -> dict[str, Agency]:
        if self._known is None:
            self._known = {}
            for agency in Agency.objects.all():
                self._remember(self._known, agency)
        return self._known

    @staticmethod
    def _remember(known: dict[str, Agency], agency: Agency) -> None:
        for name in [agency.slug, agency.name, *agency.aliases.split(",")]:
            if _key(name):
                known.setdefault(_key(name), agency)

    def resolve(self, provider: str, *, origin: str = "") -> Agency:
        """The agency called ``provider``, created if unknown."""
        name = provider.strip()
        if not name and origin.startswith(("http://", "https://")):
            name = urlsplit(origin).hostname or ""
        known, key = self._index(), _key(name)
        if name and key in known:
            return known[key]
        slug, display = (slugify(name)[:60], name[:200]) if slugify(name) else UNATTRIBUTED
        agency, _ = Agency.objects.get_or_create(slug=slug, defaults={"name": display})
        self._remember(known, agency)
        if name:
            known[key] = agency
        return agency
