"""The lifecycle rules, without a database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from wiredesk.ingest.decide import content_hash, decide, is_newer, version_key
from wiredesk.ingest.types import Action, PubStatus, Signal, StoryData, StoryForUpdate, VersionKey

NOW = datetime(2024, 1, 22, 12, 0, tzinfo=UTC)


def story(version: str = "1", minute: int = 0, **changes: object) -> StoryData:
    fields: dict[str, object] = {
        "agency_id": "A-1",
        "headline": "Harbour reopens",
        "body_html": "<p>Text.</p>",
        "version": version,
        "version_created": datetime(2024, 1, 22, 11, minute, tzinfo=UTC),
    }
    fields.update(changes)
    return StoryData(**fields)  # type: ignore[arg-type]


def state(data: StoryData, *, killed: bool = False) -> StoryForUpdate:
    return StoryForUpdate(
        story_id=1, current=version_key(data), content_hashes=frozenset({content_hash(data)}),
        killed=killed, headline=data.headline,
    )  # fmt: skip


def test_new_story() -> None:
    intent = decide(story(), None, now=NOW)
    assert (intent.action, intent.store_version, intent.make_current) == (Action.NEW, True, True)


def test_same_content_again_changes_nothing() -> None:
    first = story()
    again = story(version="2", minute=5)  # only volatile fields differ
    intent = decide(again, state(first), now=NOW)
    assert intent.action is Action.UNCHANGED
    assert not intent.store_version and not intent.make_current


def test_newer_version_becomes_current() -> None:
    intent = decide(story("2", 5, headline="Harbour reopens fully"), state(story()), now=NOW)
    assert intent.action is Action.UPDATED and intent.make_current and intent.headline_changed


def test_older_version_arriving_late_is_kept_not_shown() -> None:
    current = story("3", 30, headline="Third")
    intent = decide(story("2", 20, headline="Second"), state(current), now=NOW)
    assert intent.action is Action.STALE
    assert intent.store_version and not intent.make_current


def test_version_numbers_beat_clock_times() -> None:
    assert is_newer(VersionKey(3, datetime(2020, 1, 1, tzinfo=UTC)), VersionKey(2, NOW))
    assert not is_newer(VersionKey(None, NOW - timedelta(hours=1)), VersionKey(None, NOW))
    assert is_newer(VersionKey(None, None), VersionKey(None, NOW))  # nothing to compare: arrival wins


def test_correction_is_flagged() -> None:
    intent = decide(story("2", 5, body_html="<p>Fixed.</p>", signals=frozenset({Signal.CORRECTION})),
                    state(story()), now=NOW)  # fmt: skip
    assert intent.action is Action.UPDATED and intent.correction


def test_kill_is_obeyed_even_when_older() -> None:
    intent = decide(story("1", 0, pubstatus=PubStatus.CANCELED), state(story("4", 40)), now=NOW)
    assert intent.action is Action.KILLED and intent.kill and not intent.make_current


def test_withheld_kills_too() -> None:
    assert decide(story("2", 5, pubstatus=PubStatus.WITHHELD), state(story()), now=NOW).kill


def test_kill_before_the_story_is_kept_as_killed() -> None:
    intent = decide(story(pubstatus=PubStatus.CANCELED), None, now=NOW)
    assert intent.action is Action.KILLED and intent.store_version and intent.kill


def test_newer_usable_version_lifts_the_agency_kill() -> None:
    intent = decide(story("2", 5, headline="New"), state(story(), killed=True), now=NOW)
    assert intent.action is Action.UPDATED and not intent.kill and intent.revive and intent.make_current
    assert "kill is lifted" in intent.reason


def test_older_usable_version_does_not_lift_the_agency_kill() -> None:
    intent = decide(story("0", 0, headline="Old"), state(story(), killed=True), now=NOW)
    assert intent.action is Action.STALE and not intent.revive and not intent.make_current


def test_a_live_story_is_never_revived() -> None:
    assert not decide(story("2", 5, headline="New"), state(story()), now=NOW).revive


def test_embargo_in_the_future() -> None:
    intent = decide(story(embargoed=NOW + timedelta(hours=2)), None, now=NOW)
    assert intent.action is Action.EMBARGOED


def test_embargo_already_over_is_just_new() -> None:
    assert decide(story(embargoed=NOW - timedelta(hours=2)), None, now=NOW).action is Action.NEW


def test_every_decision_has_a_reason() -> None:
    for intent in (decide(story(), None, now=NOW), decide(story(), state(story()), now=NOW)):
        assert intent.reason
