"""Every ninjs object the API sends validates against IPTC's ninjs 3.1 schema.

The schema lives in ``../shared/standards/ninjs`` beside the checkout and is not copied
into this repository; the test skips when that folder is absent.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from jsonschema import Draft202012Validator

from wiredesk.api.tests.conftest import CallerFactory, Wire
from wiredesk.enrich.models import StoryTag, Tag
from wiredesk.enrich.services import enrich_pending, enrich_story
from wiredesk.enrich.tests.corpus import TEHRAN_BODY
from wiredesk.ingest.pipeline import Pipeline
from wiredesk.ingest.tests.factories import ninjs, nitf
from wiredesk.stories import services
from wiredesk.stories.models import Story

SCHEMA = Path(__file__).resolve().parents[3].parent / "shared" / "standards" / "ninjs" / "specification"
SCHEMA_FILE = SCHEMA / "ninjs-schema_3.1.json"
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not SCHEMA_FILE.is_file(), reason="../shared/standards/ninjs is not beside the checkout"),
]


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def assert_valid(validator: Draft202012Validator, item: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(item), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_every_object_the_api_sends_is_valid_ninjs_3_1(
    wire: Wire,
    acme,
    as_caller: CallerFactory,
    validator: Draft202012Validator,  # type: ignore[no-untyped-def]
) -> None:
    pipeline = Pipeline(agency=acme)
    pipeline.ingest(nitf("ACME-1", headline="Harbour reopens", version=2, issued="20240122T120000Z", correction=True))
    topic = {"uri": "http://cv.iptc.org/newscodes/mediatopic/04000000", "name": "economy"}
    summary = {"role": "summary", "value": "A summary."}
    pipeline.ingest(
        ninjs("urn:acme:rich", headline="Rich item", language="en", urgency=3, descriptions=[summary], subjects=[topic])
    )
    services.set_headline(wire.held, "Desk headline", actor="eddie")
    editor = as_caller("editor")
    items = editor.get("/api/stories/?status=all&limit=100").json()["items"]
    assert {i["pubStatus"] for i in items} == {"usable", "withheld", "canceled"}
    assert len(items) == 5
    for item in items:
        assert_valid(validator, item)
        pk = next(a["value"] for a in item["altIds"] if a["role"] == "id")
        assert_valid(validator, editor.get(f"/api/stories/{pk}/?all_versions=1").json())
        for version in editor.get(f"/api/stories/{pk}/versions/").json()["items"]:
            assert_valid(validator, version)
    for item in as_caller("anonymous").get("/api/stories/").json()["items"]:
        assert_valid(validator, item)


def export(*extra: str) -> list[dict[str, Any]]:
    out = StringIO()
    call_command("export", "--format", "ninjs", *extra, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def by_agency_id(items: list[dict[str, Any]], wire_id: str) -> dict[str, Any]:
    (found,) = [i for i in items if {"role": "agency", "value": wire_id} in i["altIds"]]
    return found


@pytest.fixture(autouse=True)
def _base_url(settings) -> None:  # type: ignore[no-untyped-def]
    settings.WIREDESK_BASE_URL = "https://wire.example"  # tags' URIs are their pages on the site


@pytest.fixture
def enriched(acme) -> Story:  # type: ignore[no-untyped-def]
    """An enriched story (places, people, organisations, topics) plus tags no text gives."""
    medtop = {"uri": "http://cv.iptc.org/newscodes/mediatopic/16000000", "name": "conflict, war and peace"}
    payload = ninjs(
        "urn:acme:tehran",
        headline="Iran busts over 10 terrorist cells after Kerman twin blasts",
        bodies=[{"contentType": "text/html", "value": f"<p>{TEHRAN_BODY}</p>"}],
        subjects=[medtop],
    )
    assert not Pipeline(agency=acme).ingest(payload).quarantined
    story = Story.objects.get(wire_id="urn:acme:tehran")
    enrich_story(Story.objects.select_related("agency", "current_version").get(pk=story.pk))
    # the agency's Media Topic is also enrichment's (source "code"): the object lists it once
    assert StoryTag.objects.filter(story=story, tag__qcode="medtop:16000000", source="code").exists()
    extra = [
        Tag.objects.create(kind="place", slug="zürich", name="Zürich", country="CH"),  # a Unicode slug
        Tag.objects.create(kind="topic", slug="terrorism", name="terrorism", qcode="medtop:20000515"),
        Tag.objects.create(kind="topic", slug="ceasefire-watch", name="Ceasefire watch"),  # a desk rule's, no qcode
    ]
    StoryTag.objects.bulk_create([StoryTag(story=story, tag=t, source="routing") for t in extra])
    return story


def test_enriched_story_carries_places_subjects_people_organisations(
    enriched: Story, as_caller: CallerFactory, validator: Draft202012Validator
) -> None:
    from_api = as_caller("anonymous").get(f"/api/stories/{enriched.pk}/").json()
    listed = as_caller("anonymous").get("/api/stories/").json()["items"]
    exported = by_agency_id(export(), "urn:acme:tehran")
    assert by_agency_id(listed, "urn:acme:tehran") == from_api
    assert {k: v for k, v in from_api.items() if k != "altIds"} == {k: v for k, v in exported.items() if k != "altIds"}
    for item in (from_api, exported, *export("--all-versions")):
        assert_valid(validator, item)
    places = {p["name"]: p for p in exported["places"]}
    assert {"Tehran", "Iran", "Kerman", "Iraq", "Zürich"} <= set(places)
    assert places["Tehran"]["contactInfo"] == [{"type": "address", "address": {"country": "IR"}}]
    assert places["Tehran"]["uri"] == "https://wire.example/tag/place/tehran/"
    assert places["Zürich"]["uri"] == "https://wire.example/tag/place/z%C3%BCrich/"
    assert {"Qassem Soleimani", "Majid Mir-Ahmadi"} <= {p["name"] for p in exported["people"]}
    assert {"Islamic State", "Xinhua"} <= {o["name"] for o in exported["organisations"]}
    subjects = exported["subjects"]
    # the agency's Media Topic once, as the agency sent it; enrichment's own marked as such
    war = [s for s in subjects if s.get("uri") == "http://cv.iptc.org/newscodes/mediatopic/16000000"]
    assert war == [{"name": "conflict, war and peace", "uri": "http://cv.iptc.org/newscodes/mediatopic/16000000"}]
    assert {"name": "terrorism", "uri": "http://cv.iptc.org/newscodes/mediatopic/20000515",
            "creator": "wiredesk:enrich"} in subjects  # fmt: skip
    assert {"name": "Ceasefire watch", "uri": "https://wire.example/tag/topic/ceasefire-watch/",
            "creator": "wiredesk:enrich"} in subjects  # fmt: skip


def test_first_created_is_the_first_version_s(acme, as_caller: CallerFactory) -> None:  # type: ignore[no-untyped-def]
    pipeline = Pipeline(agency=acme)
    pipeline.ingest(ninjs("urn:acme:v", version="1"))  # versionCreated 11:01, no firstCreated
    pipeline.ingest(ninjs("urn:acme:v", version="2", headline="Harbour reopens fully"))  # 11:02
    pipeline.ingest(nitf("ACME-9", version=1, issued="20240122T090000Z"))
    pipeline.ingest(nitf("ACME-9", version=2, issued="20240122T100000Z", headline="Ferry runs again"))
    exported = export("--all-versions")
    story = by_agency_id(exported, "urn:acme:v")
    assert story["firstCreated"] == "2024-01-22T11:01:00+00:00"  # version 1's, not the current one's
    assert story["versionCreated"] == "2024-01-22T11:02:00+00:00"
    assert [v["versionCreated"] for v in story["associations"]] == ["2024-01-22T11:01:00+00:00",
                                                                     "2024-01-22T11:02:00+00:00"]  # fmt: skip
    nitf_story = by_agency_id(exported, "ACME-9")
    assert nitf_story["firstCreated"] == "2024-01-22T09:00:00+00:00"  # NITF date.issue of version 1
    assert [v["firstCreated"] for v in nitf_story["associations"]] == ["2024-01-22T09:00:00+00:00",
                                                                        "2024-01-22T10:00:00+00:00"]  # fmt: skip
    pk = Story.objects.get(wire_id="urn:acme:v").pk
    assert as_caller("anonymous").get(f"/api/stories/{pk}/").json()["firstCreated"] == "2024-01-22T11:01:00+00:00"


def _wire(acme, count: int) -> None:  # type: ignore[no-untyped-def]
    """``count`` enriched stories of two versions each."""
    pipeline = Pipeline(agency=acme)
    for n in range(count):
        body = [{"contentType": "text/html", "value": f"<p>{TEHRAN_BODY}</p>"}]
        pipeline.ingest(ninjs(f"urn:acme:{n}", version="1", bodies=body))
        pipeline.ingest(ninjs(f"urn:acme:{n}", version="2", headline=f"Story {n}", bodies=body))
    enrich_pending()


def test_export_and_api_lists_cost_a_fixed_number_of_queries(
    acme,  # type: ignore[no-untyped-def]
    as_caller: CallerFactory,
    django_assert_max_num_queries: Callable[[int], AbstractContextManager[Any]],
) -> None:
    _wire(acme, 30)
    client = as_caller("anonymous")
    # stories (with agency, current version and first time), versions, tags: per chunk of 500
    with django_assert_max_num_queries(3):
        items = export("--all-versions")
    assert len(items) == 30 and all(i["places"] and len(i["associations"]) == 2 for i in items)
    with django_assert_max_num_queries(2):  # stories (as above) and their tags, for any page size
        page = client.get("/api/stories/?limit=100").json()["items"]
    assert len(page) == 30 and all(i["people"] and i["firstCreated"] for i in page)
