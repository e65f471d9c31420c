"""The data contract between the ingest layers.

``StoryData`` is what an agency sent, as a parser understood it. It is shaped after IPTC
ninjs 3.x (``uri``, ``version``, ``versioncreated``, ``pubstatus``, ``headline`` …) so that
export is a mapping, not a translation. ``StoryForUpdate`` is what the database holds about
a story, and ``StoryUpdateIntent`` is what the decider wants written.

Nothing here imports Django, the database or the network.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class PubStatus(StrEnum):
    """Publishing status of one agency version (NewsML-G2 ``pubStatus``, ninjs ``pubstatus``)."""

    USABLE = "usable"
    WITHHELD = "withheld"
    CANCELED = "canceled"


class Signal(StrEnum):
    """Lifecycle signals an agency attaches to a version (NewsML-G2 ``signal`` qcodes ``sig:…``)."""

    UPDATE = "update"
    CORRECTION = "correction"


@dataclass(frozen=True, slots=True)
class Subject:
    """One subject code as the agency sent it.

    ``code`` is a qcode-like string with the scheme alias as prefix, e.g. ``medtop:20000106``
    or ``subj:01000000``; ``name`` is the agency's label when it sent one.
    """

    code: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class StoryData:
    """One text story version as an agency sent it, already cleaned.

    ``agency_id`` is the agency's own identifier for the story, without a version (NITF
    doc-id, NewsML-G2 guid, ninjs uri, RSS guid). ``body_html`` is sanitized HTML;
    headline, abstract and the other text fields are plain text. Times are timezone-aware
    (UTC when the agency gave none) or ``None``.

    Does not know which ``Agency`` row it belongs to: ``provider`` is only the agency's
    name as written in the payload, a hint for the pipeline.
    """

    agency_id: str
    headline: str
    body_html: str = ""
    version: str = ""
    abstract: str = ""
    subheadline: str = ""
    slugline: str = ""
    byline: str = ""
    dateline: str = ""
    located: str = ""
    language: str = ""
    urgency: int | None = None
    pubstatus: PubStatus = PubStatus.USABLE
    signals: frozenset[Signal] = frozenset()
    first_created: datetime | None = None
    version_created: datetime | None = None
    embargoed: datetime | None = None
    subjects: tuple[Subject, ...] = ()
    provider: str = ""
    link: str = ""
    ednote: str = ""
    copyright: str = ""
    format: str = ""
    # What the parser had to guess or leave out, in words a person can read (e.g. "date
    # unreadable: '02-03-2014 00:56:28'; receipt time used"); kept with the version and
    # shown on the desk. Not part of the content hash: a note is about the parse, not the story.
    notes: tuple[str, ...] = ()

    @property
    def is_correction(self) -> bool:
        return Signal.CORRECTION in self.signals

    @property
    def is_kill(self) -> bool:
        return self.pubstatus is not PubStatus.USABLE


@dataclass(frozen=True, slots=True)
class SkippedItem:
    """An item of a multi-item payload that could not be read; the others still count."""

    position: int
    reason: str


@dataclass(frozen=True, slots=True)
class ParseResult:
    """What a parser made of one payload: its stories and the items it had to skip."""

    format: str
    stories: tuple[StoryData, ...]
    skipped: tuple[SkippedItem, ...] = field(default=())


class ParserType(Protocol):
    """A wire format parser: bytes in, stories out. Pure: no Django, database or network."""

    def __call__(self, data: bytes, *, url: str = "") -> ParseResult: ...



class Action(StrEnum):
    """What the decider concluded about one incoming version; also the CLI summary word."""

    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    STALE = "stale"
    KILLED = "killed"
    EMBARGOED = "embargoed"
    QUARANTINED = "quarantined"


@dataclass(frozen=True, slots=True)
class VersionKey:
    """What orders two versions of one story: the agency's version number, then its time."""

    number: int | None
    created: datetime | None


@dataclass(frozen=True, slots=True)
class StoryForUpdate:
    """What the database holds about one story, as far as the decider needs it.

    ``killed`` is the agency's kill only (``Story.agency_killed``): a kill by the desk is the
    desk's business and does not change what the agency's next version means.
    """

    story_id: int
    current: VersionKey
    content_hashes: frozenset[str]
    killed: bool
    headline: str = ""


@dataclass(frozen=True, slots=True)
class StoryUpdateIntent:
    """What the store should write for one incoming version, and why.

    ``store_version`` says whether the version is kept (every distinct version is, even a
    late one); ``make_current`` whether readers see it from now on; ``kill`` that the agency
    killed the story, ``revive`` that a newer usable version lifts the agency's earlier kill.
    """

    action: Action
    reason: str
    data: StoryData
    content_hash: str
    store_version: bool
    make_current: bool
    kill: bool = False
    revive: bool = False
    correction: bool = False
    headline_changed: bool = False
