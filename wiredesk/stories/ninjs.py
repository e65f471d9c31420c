"""Stories as IPTC ninjs 3.1 objects: what integrators pull (export, API).

Each object is the current state of one story: what readers see (the desk headline when
there is one, role ``main``; the agency's own headline beside it, role ``agency``), the
desk's status as ``pubStatus`` (published → usable, held → withheld, killed → canceled),
and the agency's identifiers in ``altIds`` (roles ``agency`` and ``agency-slug``). With
``all_versions`` every stored agency version is attached as an association.

Does not include anything the ninjs 3.1 schema does not define (it forbids extra keys).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from wiredesk.stories.models import Story, StoryVersion

PUBSTATUS = {"published": "usable", "held": "withheld", "killed": "canceled"}
SUBJECT_URIS = {
    "subj": "http://cv.iptc.org/newscodes/subjectcode/",
    "medtop": "http://cv.iptc.org/newscodes/mediatopic/",
}


def story_uri(story: Story) -> str:
    return f"urn:wiredesk:story:{story.agency.slug}:{quote(story.wire_id, safe='')}"


def _time(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _subject(code: str, name: str) -> dict[str, str]:
    scheme, _, local = code.partition(":")
    subject = {"name": name} if name else {}
    if scheme in SUBJECT_URIS and local:
        subject["uri"] = SUBJECT_URIS[scheme] + local
    elif code.startswith(("http://", "https://")):
        subject["uri"] = code
    else:
        subject["literal"] = code
    return subject


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
        "subjects": [_subject(s["code"], s.get("name", "")) for s in version.subjects] or None,
    }
    return {k: v for k, v in item.items() if v is not None}


def story_object(story: Story, *, all_versions: bool = False) -> dict[str, Any]:
    """The current state of ``story`` as one ninjs 3.1 object."""
    uri = story_uri(story)
    version = story.current_version
    item: dict[str, Any] = version_object(version, uri=uri) if version is not None else {"uri": uri, "type": "text"}
    item["pubStatus"] = PUBSTATUS[story.status]
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
    if all_versions:
        item["associations"] = [
            {
                **version_object(v, uri=f"{uri}:v{n}"),
                "name": f"agency version {v.agency_version or n}",
                "rel": "version",
            }
            for n, v in enumerate(story.versions.order_by("received", "id"), start=1)
        ]
    return item
