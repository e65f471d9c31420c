"""The lifecycle's rules, one by one, on the pure function (no database)."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime, timedelta

import pytest

from wiredesk.stories import licence
from wiredesk.stories.lifecycle import (
    AgencyVersion,
    DeskEdit,
    DeskHeadline,
    DeskStatus,
    Reviewed,
    Status,
    StoryState,
    next_state,
)
from wiredesk.stories.models import Story

T0 = datetime(2024, 1, 22, 11, 0, tzinfo=UTC)
NOW = T0 + timedelta(hours=1)


def story(**fields: object) -> StoryState:
    values: dict[str, object] = {"status": Status.PUBLISHED, "last_modified": T0, "first_published": T0}
    return StoryState(**{**values, **fields})  # type: ignore[arg-type]


def test_the_state_mirrors_the_story_model() -> None:
    assert {s.value for s in Status} == set(Story.Status.values)
    model = {f.name for f in Story._meta.get_fields()}
    assert {f.name for f in fields(StoryState)} <= model


def test_a_new_story_is_published_at_the_agency_time() -> None:
    filed = T0 - timedelta(hours=2)
    state = next_state(None, AgencyVersion(T0, make_current=True, published_at=filed), now=NOW)
    assert state == StoryState(status="published", last_modified=T0, first_published=filed)


def test_a_new_story_held_gets_its_publication_time_later() -> None:
    state = next_state(None, AgencyVersion(None, make_current=True, hold=True, published_at=T0), now=NOW)
    assert (state.status, state.first_published, state.last_modified) == ("held", None, NOW)


def test_a_new_story_under_embargo_keeps_it() -> None:
    lift = NOW + timedelta(hours=3)
    state = next_state(None, AgencyVersion(T0, make_current=True, embargo=lift, published_at=lift), now=NOW)
    assert (state.embargoed_until, state.first_published) == (lift, lift)


def test_a_kill_notice_for_a_story_never_seen_is_a_killed_story() -> None:
    state = next_state(None, AgencyVersion(T0, make_current=True, kill=True, published_at=T0), now=NOW)
    assert (state.status, state.agency_killed, state.killed_at) == ("published", True, NOW)


def test_only_an_agency_version_creates_a_story() -> None:
    with pytest.raises(ValueError, match="created by an agency version"):
        next_state(None, DeskStatus("held"), now=NOW)


def test_a_version_made_current_moves_last_modified_to_the_later_of_agency_and_desk() -> None:
    desk = T0 + timedelta(minutes=30)
    later = next_state(story(desk_modified=desk), AgencyVersion(T0 + timedelta(hours=2), make_current=True), now=NOW)
    assert later.last_modified == T0 + timedelta(hours=2)
    earlier = next_state(story(desk_modified=desk), AgencyVersion(T0 + timedelta(minutes=5), make_current=True),
                         now=NOW)  # fmt: skip
    assert earlier.last_modified == desk
    assert next_state(story(), AgencyVersion(None, make_current=True), now=NOW).last_modified == NOW


def test_a_late_version_changes_nothing() -> None:
    before = story()
    assert next_state(before, AgencyVersion(T0 + timedelta(hours=5), make_current=False), now=NOW) is before


def test_an_agency_headline_change_needs_review_only_over_a_desk_headline() -> None:
    version = AgencyVersion(T0, make_current=True, headline_changed=True)
    assert next_state(story(headline_override="Desk words"), version, now=NOW).needs_review
    assert not next_state(story(), version, now=NOW).needs_review
    unchanged = AgencyVersion(T0, make_current=True)
    assert not next_state(story(headline_override="Desk words"), unchanged, now=NOW).needs_review


def test_an_agency_kill_and_its_revival_leave_the_desk_status_alone() -> None:
    held = story(status="held")
    killed = next_state(held, AgencyVersion(T0, make_current=True, kill=True), now=NOW)
    assert (killed.status, killed.agency_killed, killed.killed_at) == ("held", True, NOW)
    again = next_state(killed, AgencyVersion(T0, make_current=False, kill=True), now=NOW + timedelta(hours=1))
    assert again.killed_at == NOW  # the first kill's time stands
    revived = next_state(killed, AgencyVersion(T0, make_current=True, revive=True), now=NOW)
    assert (revived.status, revived.agency_killed, revived.killed_at) == ("held", False, None)


def test_a_revival_keeps_the_time_of_a_kill_of_the_desks_own() -> None:
    desk_kill = story(status="killed", killed_at=T0, agency_killed=True)
    revived = next_state(desk_kill, AgencyVersion(T0, make_current=True, revive=True), now=NOW)
    assert (revived.status, revived.agency_killed, revived.killed_at) == ("killed", False, T0)


@pytest.mark.parametrize("status", ["published", "held"])
def test_the_licence_refuses_the_desk_anything_but_a_kill_after_an_agency_kill(status: str) -> None:
    killed = story(status="held" if status == "published" else "published", agency_killed=True, killed_at=T0)
    with pytest.raises(licence.LicenceError, match="Acme killed this story on 2024-01-22 11:00 UTC"):
        next_state(killed, DeskStatus(status, agency="Acme"), now=NOW)
    same = story(status=status, agency_killed=True, killed_at=T0)
    with pytest.raises(licence.LicenceError):  # refused even when it would change nothing
        next_state(same, DeskStatus(status, agency="Acme"), now=NOW)
    desk_kill = next_state(killed, DeskStatus("killed", agency="Acme"), now=NOW)
    assert (desk_kill.status, desk_kill.agency_killed, desk_kill.killed_at) == ("killed", True, NOW)


def test_desk_status_changes() -> None:
    held = next_state(story(), DeskStatus("held"), now=NOW)
    assert (held.status, held.desk_modified, held.last_modified, held.first_published) == ("held", NOW, NOW, T0)
    killed = next_state(held, DeskStatus("killed"), now=NOW + timedelta(minutes=1))
    assert (killed.status, killed.killed_at) == ("killed", NOW + timedelta(minutes=1))
    restored = next_state(killed, DeskStatus("published"), now=NOW + timedelta(minutes=2))
    assert (restored.status, restored.killed_at, restored.first_published) == ("published", killed.killed_at, T0)
    assert next_state(restored, DeskStatus("published"), now=NOW + timedelta(hours=1)) is restored
    with pytest.raises(ValueError, match="Unknown status"):
        next_state(restored, DeskStatus("archived"), now=NOW)


def test_last_modified_never_goes_back_for_the_desk() -> None:
    ahead = story(last_modified=NOW + timedelta(days=1))  # an agency clock ahead of ours
    assert next_state(ahead, DeskStatus("held"), now=NOW).last_modified == NOW + timedelta(days=1)


def test_a_first_publication_by_the_desk_sets_the_agency_time() -> None:
    held = story(status="held", first_published=None)
    published = next_state(held, DeskStatus("published", published_at=T0 - timedelta(hours=1)), now=NOW)
    assert published.first_published == T0 - timedelta(hours=1)
    assert next_state(held, DeskStatus("published"), now=NOW).first_published == NOW  # no time known: now
    assert next_state(held, DeskStatus("killed", published_at=T0), now=NOW).first_published is None


def test_desk_headline_edit_and_review() -> None:
    flagged = story(headline_override="Old desk words", needs_review=True)
    edited = next_state(flagged, DeskHeadline("New desk words"), now=NOW)
    assert (edited.headline_override, edited.needs_review, edited.desk_modified) == ("New desk words", False, NOW)
    assert next_state(edited, DeskHeadline("New desk words"), now=NOW + timedelta(hours=1)) is edited
    reviewed = next_state(flagged, Reviewed(), now=NOW)
    assert (reviewed.needs_review, reviewed.desk_modified, reviewed.last_modified) == (False, None, T0)
    assert next_state(reviewed, Reviewed(), now=NOW) is reviewed
    moved = next_state(story(), DeskEdit(), now=NOW)
    assert (moved.desk_modified, moved.last_modified) == (NOW, NOW)
