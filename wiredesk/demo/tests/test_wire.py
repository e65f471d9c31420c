"""Tests of the demo wire generator: every payload parses, output is stable, lifecycles exist.

No database: payloads go through ``parse_payload`` only, never through the pipeline.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime

import pytest

from wiredesk.demo import DEMO_AGENCIES, DEMO_SECTIONS, FORMATS, DemoPayload, generate_wire
from wiredesk.demo.wire import DEFAULT_START
from wiredesk.ingest.detect import parse_payload
from wiredesk.ingest.types import PubStatus, Signal, StoryData

# DemoPayload.format → ParseResult.format
PARSED_AS = {
    "nitf": "nitf", "newsml-g2": "newsml-g2", "newsml-g2-message": "newsml-g2", "ninjs-3": "ninjs",
    "ninjs-1": "ninjs", "rss": "rss", "atom": "atom", "jsonfeed": "jsonfeed",
}  # fmt: skip
AGENCY_NAMES = {slug: name for slug, name, _, _ in DEMO_AGENCIES}


def _stories(payloads: list[DemoPayload]) -> list[tuple[DemoPayload, StoryData]]:
    out = []
    for payload in payloads:
        result = parse_payload(payload.data, url=payload.name)
        assert not result.skipped, (payload.name, result.skipped)
        assert result.format == PARSED_AS[payload.format], payload.name
        out.extend((payload, story) for story in result.stories)
    return out


@pytest.fixture(scope="module")
def corpus() -> list[tuple[DemoPayload, StoryData]]:
    return _stories(generate_wire(480))


def test_every_payload_parses_and_names_its_agency(corpus: list[tuple[DemoPayload, StoryData]]) -> None:
    assert corpus
    for payload, story in corpus:
        assert story.provider == AGENCY_NAMES[payload.agency], payload.name
        assert story.headline and story.body_html


def test_payload_names_are_unique_and_numbered() -> None:
    payloads = generate_wire(200)
    names = [p.name for p in payloads]
    assert len(set(names)) == len(names)
    assert re.fullmatch(r"0001-[a-z]+-[a-z0-9]+\.(xml|json)", names[0])
    assert all(p.format in FORMATS for p in payloads)


def test_same_seed_same_bytes_other_seed_other_bytes() -> None:
    assert generate_wire(120, seed=7) == generate_wire(120, seed=7)
    assert generate_wire(120, seed=7) != generate_wire(120, seed=8)


def test_formats_have_an_equal_share_of_stories(corpus: list[tuple[DemoPayload, StoryData]]) -> None:
    first_versions = Counter(p.format for p, s in corpus if s.version in ("", "1"))
    # every format carries 480 / 8 = 60 stories; feeds repeat a story for its updates
    assert set(first_versions) == set(FORMATS)
    assert all(55 <= count <= 75 for count in first_versions.values()), first_versions


def test_bodies_have_datelines_and_four_to_eight_paragraphs(corpus: list[tuple[DemoPayload, StoryData]]) -> None:
    for payload, story in corpus:
        if story.is_kill or story.language != "en":
            continue
        assert 4 <= story.body_html.count("<p>") <= 8, payload.name
        first = re.sub(r"<[^>]+>", "", story.body_html.split("</p>")[0])
        assert re.match(r"([A-Z .]+, [A-Z][a-z]{2} \d{1,2} \([A-Z]+\) - |[A-Z][A-Za-z .]+: )", first), first


def test_urdu_and_arabic_stories_in_their_scripts(corpus: list[tuple[DemoPayload, StoryData]]) -> None:
    languages = Counter(s.language for _, s in corpus)
    assert languages["en"] > languages["ur"] > 0 and languages["ar"] > 0
    for _, story in corpus:
        if story.language in ("ur", "ar"):
            assert re.search("[\u0600-\u06ff]", story.headline)
            assert re.search("[\u0600-\u06ff]", story.body_html)


def test_urgency_and_media_topics(corpus: list[tuple[DemoPayload, StoryData]]) -> None:
    g2 = [s for p, s in corpus if p.format.startswith("newsml-g2")]
    assert {s.urgency for s in g2} <= set(range(1, 7))
    assert all(s.subjects and s.subjects[0].code.startswith("medtop:") for s in g2)


def test_lifecycle_cases_are_present_in_a_small_corpus() -> None:
    stories = [s for _, s in _stories(generate_wire(16))]
    by_id: dict[str, list[StoryData]] = {}
    for story in stories:
        by_id.setdefault(story.agency_id, []).append(story)
    assert any(s.is_correction for s in stories)
    kills = [s for s in stories if s.pubstatus is PubStatus.CANCELED]
    assert {k.format for k in kills} >= {"nitf", "newsml-g2"}
    embargoes = [s.embargoed for s in stories if s.embargoed]
    assert any(e > DEFAULT_START for e in embargoes) and any(e < DEFAULT_START for e in embargoes)
    updated = [v for v in by_id.values() if len(v) > 1 and not any(s.is_kill or s.is_correction for s in v)]
    assert updated
    for versions in updated:
        assert versions[1].headline != versions[0].headline
        assert versions[1].body_html != versions[0].body_html
        first, second = versions[0].version_created, versions[1].version_created
        assert first is not None and second is not None and second > first
        if versions[0].version:
            assert int(versions[1].version) > int(versions[0].version)
    assert any(Signal.UPDATE in s.signals for s in stories)


def test_lifecycle_share_is_about_one_story_in_eight(corpus: list[tuple[DemoPayload, StoryData]]) -> None:
    ids = Counter(s.agency_id for _, s in corpus)
    with_lifecycle = sum(1 for n in ids.values() if n > 1) + sum(1 for _, s in corpus if s.embargoed)
    assert 0.07 * len(ids) <= with_lifecycle <= 0.2 * len(ids)


def test_start_now_keeps_versions_in_the_past_and_embargo_in_the_future() -> None:
    now = datetime.now(UTC)
    stories = [s for _, s in _stories(generate_wire(24, start=now))]
    assert all(s.version_created is not None and s.version_created <= now for s in stories)
    assert any(s.embargoed is not None and s.embargoed > now for s in stories)


def test_negative_count_is_refused_and_zero_is_empty() -> None:
    with pytest.raises(ValueError):
        generate_wire(-1)
    assert generate_wire(0) == []


def test_demo_agencies_and_sections() -> None:
    assert 3 <= len(DEMO_AGENCIES) <= 4
    assert all(url.startswith("https://") and name and about for _, name, about, url in DEMO_AGENCIES)
    slugs = [slug for slug, _ in DEMO_SECTIONS]
    assert slugs == ["world", "middle-east", "south-asia", "africa", "europe", "business", "sport", "science"]
