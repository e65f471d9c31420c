"""Stories as IPTC ninjs 3.1 objects: what integrators pull (export, API).

Each object is the current state of one story: what readers see (the desk headline when
there is one, role ``main``; the agency's own headline beside it, role ``agency``), the
desk's status as ``pubStatus`` (published → usable, held → withheld, killed → canceled),
and the agency's identifiers in ``altIds`` (roles ``agency`` and ``agency-slug``). With
``all_versions`` every stored agency version is attached as an association.
``firstCreated`` is the story's, not the current version's: the earliest time any of its
versions gives (ninjs 3.1: "when the first version of the content was created").

Other apps add properties through ``register`` (enrichment: places, subjects, people,
organisations), so this module imports none of them. ``prefetch`` readies a queryset of
stories so that ``story_object`` runs no query of its own: a list or an export costs a
fixed number of queries, whatever its length.

Does not include anything the ninjs 3.1 schema does not define (it forbids extra keys).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from wiredesk.stories.models import Story, StoryVersion

PUBSTATUS = {"published": "usable", "held": "withheld", "killed": "canceled"}
SUBJECT_URIS = {
    "subj": "http://cv.iptc.org/newscodes/subjectcode/",
    "medtop": "http://cv.iptc.org/newscodes/mediatopic/",
}


Properties = Mapping[str, list[dict[str, Any]]]


def _unchanged(stories: QuerySet[Story]) -> QuerySet[Story]:
    return stories


@dataclass(frozen=True, slots=True)
class Extension:
    """List properties another app adds to every story object, and how to fetch them in bulk.

    ``properties`` returns ninjs properties that hold lists (``places``, ``subjects``…): they
    are appended to what the agency sent, an entry the agency already has (same ``uri``,
    ``literal`` or name) left out. ``prefetch`` adds to a queryset of stories what
    ``properties`` reads. Neither may write anything.
    """

    name: str
    properties: Callable[[Story], Properties]
    prefetch: Callable[[QuerySet[Story]], QuerySet[Story]] = _unchanged


_EXTENSIONS: dict[str, Extension] = {}


def register(extension: Extension) -> None:
    """Add ``extension`` to every story object from now on (again under the same name: replace it)."""
    _EXTENSIONS[extension.name] = extension


def _first_time() -> Subquery:
    # firstCreated of each version, else its versionCreated; the earliest is the story's
    times = StoryVersion.objects.filter(story=OuterRef("pk")).annotate(at=Coalesce("first_created", "version_created"))
    return Subquery(times.filter(at__isnull=False).order_by(F("at").asc()).values("at")[:1])


def prefetch(stories: QuerySet[Story]) -> QuerySet[Story]:
    """``stories`` with everything ``story_object`` reads: a fixed number of queries for any length."""
    stories = stories.select_related("agency", "current_version").annotate(ninjs_first_created=_first_time())
    for extension in _EXTENSIONS.values():
        stories = extension.prefetch(stories)
    return stories


def first_created(story: Story) -> datetime | None:
    """When the story's first version was created: annotated by ``prefetch``, else one query."""
    if hasattr(story, "ninjs_first_created"):
        value: datetime | None = story.ninjs_first_created
        return value
    return Story.objects.filter(pk=story.pk).values_list(_first_time(), flat=True).first()


def _key(entry: Mapping[str, Any]) -> tuple[str, str]:
    for name in ("uri", "literal", "name"):
        if entry.get(name):
            return name, str(entry[name]).casefold() if name == "name" else str(entry[name])
    return "", ""


def _extend(item: dict[str, Any], properties: Properties) -> None:
    for name, entries in properties.items():
        have = list(item.get(name) or [])
        seen = {_key(entry) for entry in have}
        for entry in entries:
            if _key(entry) not in seen:
                seen.add(_key(entry))
                have.append(entry)
        if have:
            item[name] = have


def story_uri(story: Story) -> str:
    return f"urn:wiredesk:story:{story.agency.slug}:{quote(story.wire_id, safe='')}"


def _time(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def subject(code: str, name: str) -> dict[str, str]:
    """A ninjs 3.1 subject of a qcode (``medtop:…``, ``subj:…``), URI or other code, and its name."""
    scheme, _, local = code.partition(":")
    found = {"name": name} if name else {}
    if scheme in SUBJECT_URIS and local:
        found["uri"] = SUBJECT_URIS[scheme] + local
    elif code.startswith(("http://", "https://")):
        found["uri"] = code
    else:
        found["literal"] = code
    return found


def version_object(version: StoryVersion, *, uri: str) -> dict[str, Any]:
    """The agency's content of ``version`` as ninjs properties."""
    item: dict[str, Any] = {
        "uri": uri,
        "type": "text",
        "version": version.agency_version or str(version.pk),
        "firstCreated": _time(version.first_created),
        "versionCreated": _time(version.version_created),
        "embargoedUntil": _time(version.embargoed),
        "pubStatus": version.pubstatus,
        "urgency": version.urgency if version.urgency and 1 <= version.urgency <= 9 else None,
        "language": version.language or None,
        "headlines": [{"role": "main", "value": version.headline}],
        "descriptions": [{"role": "summary", "value": version.abstract}] if version.abstract else None,
        "bodies": [{"role": "main", "contentType": "text/html", "value": version.body_html}],
        "by": version.byline or None,
        "located": version.located or version.dateline or None,
        "slugline": version.slugline or None,
        "edNote": version.ednote or None,
        "copyrightNotice": version.copyright or None,
        "subjects": [subject(s["code"], s.get("name", "")) for s in version.subjects] or None,
    }
    return {k: v for k, v in item.items() if v is not None}


def story_object(story: Story, *, all_versions: bool = False) -> dict[str, Any]:
    """The current state of ``story`` as one ninjs 3.1 object, with the registered extensions' properties.

    Runs no query for a story from ``prefetch`` (with ``all_versions``, the caller also
    prefetches ``versions``); a story from elsewhere costs a few.
    """
    uri = story_uri(story)
    version = story.current_version
    item: dict[str, Any] = version_object(version, uri=uri) if version is not None else {"uri": uri, "type": "text"}
    item.pop("firstCreated", None)
    if (created := first_created(story)) is not None:
        item["firstCreated"] = created.isoformat()
    item["pubStatus"] = PUBSTATUS[story.state]
    if story.headline_override:
        agency_headline = item["headlines"][0]["value"]
        item["headlines"] = [
            {"role": "main", "value": story.headline_override},
            {"role": "agency", "value": agency_headline},
        ]
    if story.embargoed_until:
        item["embargoedUntil"] = story.embargoed_until.isoformat()
    item["altIds"] = [
        {"role": "agency", "value": story.wire_id},
        {"role": "agency-slug", "value": story.agency.slug},
    ]
    item["infoSources"] = [{"name": story.agency.name, "role": "source"}]
    for extension in _EXTENSIONS.values():
        _extend(item, extension.properties(story))
    if all_versions:
        item["associations"] = [
            {
                **version_object(v, uri=f"{uri}:v{n}"),
                "name": f"agency version {v.agency_version or n}",
                "rel": "version",
            }
            # sorted here, not by order_by(): that would ignore a prefetched ``versions``
            for n, v in enumerate(sorted(story.versions.all(), key=lambda v: (v.received, v.pk)), start=1)
        ]
    return item
