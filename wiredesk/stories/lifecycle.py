"""A story's lifecycle as one pure function: its state and one event in, its next state out.

Every change of a story's status, kill flags, embargo and times is worked out here, by
``next_state``, whoever makes it:

- the ingest, for each agency version it stores (``AgencyVersion``): a new story is
  published (or held, or embargoed, or killed on arrival); a version made current moves
  "last modified" and asks for a review when it changes the headline the desk replaced;
  a kill notice sets the agency's kill; a newer usable version lifts it;
- ``wiredesk.stories.services``, for the desk (``DeskStatus``: publish, hold, kill, restore;
  ``DeskHeadline``; ``DeskEdit``; ``Reviewed``): the licence refuses any status but killed
  while the agency's kill stands; the first publication sets ``first_published``.

``wiredesk.ingest.pipeline`` calls it once per stored version and both keeps the result for
the decider (its next ``StoryForUpdate``) and hands it to ``store``, which writes it;
``services`` calls it and saves the fields that changed. So the three places that used to
encode these rules (the store's row update, the pipeline's mirror of it, ``set_status``)
now read them from here.

Does not touch Django, the database or the clock: times come in as ``now`` and as event
fields (the agency's publication time, worked out by ``wiredesk.stories.pubtime``). Does
not decide what an agency version means (``wiredesk.ingest.decide`` does) nor which
version is current (the caller keeps its pointer).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

from wiredesk.stories import licence


class Status(StrEnum):
    """The desk's status of a story. Keep in sync with ``Story.Status``."""

    PUBLISHED = "published"
    HELD = "held"
    KILLED = "killed"


@dataclass(frozen=True, slots=True)
class StoryState:
    """The lifecycle fields of one story. Keep in sync with ``Story`` (same names).

    ``status`` is the desk's; ``agency_killed`` the agency's kill, kept apart so the desk
    can never undo it (``licence``). ``killed_at`` is when the story was last killed, by
    either. ``headline_override`` is read (an agency headline change then needs review)
    and written only by ``DeskHeadline``.
    """

    status: str
    last_modified: datetime
    agency_killed: bool = False
    killed_at: datetime | None = None
    embargoed_until: datetime | None = None
    first_published: datetime | None = None
    desk_modified: datetime | None = None
    needs_review: bool = False
    headline_override: str = ""


class AgencyVersion(NamedTuple):
    """One agency version stored for the story, as ``decide`` judged it.

    ``time`` is the version's own time (``versionCreated``), when it has one. The last
    three fields are read only for a story first seen: ``hold`` is the ingest's default
    (``--hold``, a held source), ``embargo`` the agency's embargo when it is still in force
    (``Action.EMBARGOED``), ``published_at`` the agency's publication time
    (``pubtime.agency_publication_time``).

    A ``NamedTuple`` (immutable like the frozen dataclasses here): the ingest builds one per
    stored version, and a frozen dataclass took five times as long to build (bench/ingest.py).
    """

    time: datetime | None
    make_current: bool
    kill: bool = False
    revive: bool = False
    headline_changed: bool = False
    hold: bool = False
    embargo: datetime | None = None
    published_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class DeskStatus:
    """The desk publishes, holds, kills or restores the story (``status``: a ``Status``).

    ``agency`` names the agency in a refusal. ``published_at`` is the agency's publication
    time of the story (``pubtime.first_publication``), for a first publication.
    """

    status: str
    agency: str = ""
    published_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class DeskHeadline:
    """The desk replaces the agency's headline for readers (``""``: shows the agency's again)."""

    headline: str


@dataclass(frozen=True, slots=True)
class DeskEdit:
    """The desk changed something else readers see (the section): only the times move."""


@dataclass(frozen=True, slots=True)
class Reviewed:
    """An editor looked again after the agency changed a headline the desk had replaced."""


Event = AgencyVersion | DeskStatus | DeskHeadline | DeskEdit | Reviewed
_STATUSES = frozenset(status.value for status in Status)


def next_state(state: StoryState | None, event: Event, *, now: datetime) -> StoryState:
    """The state of a story in ``state`` after ``event`` at ``now`` (``state`` itself when nothing changes).

    ``state`` is ``None`` for a story not stored yet; only an ``AgencyVersion`` can create
    one (``ValueError`` otherwise). Raises ``licence.LicenceError`` for a ``DeskStatus``
    other than killed while the agency's kill stands, before anything else: the refusal
    does not depend on the status the desk gave the story.
    """
    if isinstance(event, AgencyVersion):
        return _agency_version(state, event, now) if state is not None else _first_version(event, now)
    if state is None:
        raise ValueError(f"A story is created by an agency version, not by {type(event).__name__}.")
    if isinstance(event, DeskStatus):
        licence.agency_kill_is_final(
            event.status, agency_killed=state.agency_killed, killed_at=state.killed_at, agency=event.agency
        )
        return _desk_status(state, event, now)
    if isinstance(event, DeskHeadline):
        if event.headline == state.headline_override:
            return state
        return replace(_desk_edit(state, now), headline_override=event.headline, needs_review=False)
    if isinstance(event, DeskEdit):
        return _desk_edit(state, now)
    return replace(state, needs_review=False) if state.needs_review else state


def _first_version(event: AgencyVersion, now: datetime) -> StoryState:
    """A story first seen: published unless the ingest holds it, at the agency's publication time."""
    status = Status.HELD if event.hold else Status.PUBLISHED
    return StoryState(
        status=status,
        last_modified=event.time or now,
        agency_killed=event.kill,
        killed_at=now if event.kill else None,
        embargoed_until=event.embargo,
        # a held story gets its publication time when the desk publishes it
        first_published=(event.published_at or now) if status == Status.PUBLISHED else None,
    )


def _agency_version(state: StoryState, event: AgencyVersion, now: datetime) -> StoryState:
    last_modified, needs_review = state.last_modified, state.needs_review
    if event.make_current:
        # "last modified" is the latest of the agency's version time and the desk's edit
        agency_time = event.time or now
        last_modified = agency_time if state.desk_modified is None else max(agency_time, state.desk_modified)
        if event.headline_changed and state.headline_override:
            needs_review = True
    agency_killed, killed_at = state.agency_killed, state.killed_at
    # The agency's kill is kept apart from the desk's status: the agency's newer usable
    # version lifts it without undoing a hold or kill of the desk's own (licence.py).
    if event.kill and not state.agency_killed:
        agency_killed, killed_at = True, now
    elif event.revive:
        agency_killed = False
        if state.status != Status.KILLED:  # a kill of the desk's own keeps its time
            killed_at = None
    if (last_modified, needs_review, agency_killed, killed_at) == (
        state.last_modified, state.needs_review, state.agency_killed, state.killed_at
    ):  # fmt: skip
        return state
    return replace(
        state, last_modified=last_modified, needs_review=needs_review, agency_killed=agency_killed, killed_at=killed_at
    )


def _desk_status(state: StoryState, event: DeskStatus, now: datetime) -> StoryState:
    if event.status not in _STATUSES:
        raise ValueError(f"Unknown status {event.status!r}.")
    if event.status == state.status:
        return state
    first_published = state.first_published
    if event.status == Status.PUBLISHED and first_published is None:
        # readers see the agency's time, even for a story the desk held first (pubtime.py)
        first_published = event.published_at or now
    return replace(
        _desk_edit(state, now),
        status=event.status,
        first_published=first_published,
        killed_at=now if event.status == Status.KILLED else state.killed_at,
    )


def _desk_edit(state: StoryState, now: datetime) -> StoryState:
    """The desk acted now: "last modified" moves to now unless it is later already."""
    return replace(state, desk_modified=now, last_modified=max(state.last_modified, now))
