"""The lifecycle rules: what one incoming agency version means for its story.

``decide`` looks at a ``StoryData`` and what the database holds about its story
(``StoryForUpdate``) and returns a ``StoryUpdateIntent`` with a reason a person can read.
The rules (docs/architecture.md, "Lifecycle rules"):

- a story not seen before is new — or embargoed, or killed on arrival when the agency
  cancelled it before we had it (kept, so a late copy can never publish it);
- a version whose content we already hold changes nothing (same payload twice);
- a kill (pubstatus canceled or withheld) is obeyed whatever its version: agencies kill
  stories, not versions;
- a version older than the current one is kept but never shown over the newer one;
- otherwise the version becomes current, flagged when it is a correction; a newer usable
  version of a story the agency killed lifts that kill (nothing else can).

Does not interact with the database, the clock or the network: ``now`` is passed in.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields
from datetime import datetime
from typing import Any, Final

from wiredesk.ingest.types import Action, StoryData, StoryForUpdate, StoryUpdateIntent, VersionKey

# Fields that change without the story changing: a re-send with a new version stamp but
# the same words is not a new version for readers (cf. reader's FeedData._hash_exclude_).
HASH_EXCLUDE: Final = frozenset({"version", "version_created", "format", "link", "notes"})
_HASHED: Final = tuple(f.name for f in fields(StoryData) if f.name not in HASH_EXCLUDE)
_ENCODER: Final = json.JSONEncoder(sort_keys=True, default=str, ensure_ascii=False)


def content_hash(data: StoryData) -> str:
    """A stable hash of what readers would see of ``data``; volatile fields left out.

    The JSON hashed is exactly what ``json.dumps(dataclasses.asdict(data))`` less the
    excluded fields gives (so stored hashes stay valid), built by hand: ``asdict`` deep-copies
    every value and was most of the cost.
    """
    values: dict[str, Any] = {name: getattr(data, name) for name in _HASHED}
    values["signals"] = sorted(data.signals)
    values["subjects"] = [{"code": s.code, "name": s.name} for s in data.subjects]
    encoded = _ENCODER.encode(values)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def version_key(data: StoryData) -> VersionKey:
    """The agency's version number (when it is a number) and version time of ``data``.

    A number is ASCII digits that fit ``StoryVersion.version_number``, an integer column
    (32-bit on PostgreSQL). ``str.isdigit`` alone also takes "²", which ``int`` refuses, and
    "١٢", which it reads; a version like those, or a larger number, has no number and is
    ordered by its time (issue #11; ``normalize.py`` notes it on the version).
    """
    text = data.version.strip()
    number = int(text) if text.isascii() and text.isdigit() and len(text.lstrip("0")) <= 10 else None
    if number is not None and number > 2_147_483_647:
        number = None
    return VersionKey(number=number, created=data.version_created)


def is_newer(candidate: VersionKey, current: VersionKey) -> bool:
    """Whether ``candidate`` should replace ``current``; arrival order breaks ties.

    Version numbers decide when both have one and they differ (NewsML-G2 ``@version``
    only grows, spec 2.x §7.3). Otherwise version times decide; without comparable
    information the later arrival wins.
    """
    if candidate.number is not None and current.number is not None and candidate.number != current.number:
        return candidate.number > current.number
    if candidate.created is not None and current.created is not None:
        return candidate.created >= current.created
    return True


def decide(data: StoryData, existing: StoryForUpdate | None, *, now: datetime) -> StoryUpdateIntent:
    """Return what to do with ``data`` given the stored state of its story, and why."""
    digest = content_hash(data)

    def intent(action: Action, reason: str, **flags: bool) -> StoryUpdateIntent:
        return StoryUpdateIntent(action=action, reason=reason, data=data, content_hash=digest, **flags)

    if existing is None:
        if data.is_kill:
            return intent(
                Action.KILLED,
                f"agency sent pubstatus {data.pubstatus.value} for a story not seen before; "
                "kept as killed so that no copy of it is ever published",
                store_version=True, make_current=True, kill=True,
            )  # fmt: skip
        if data.embargoed is not None and data.embargoed > now:
            return intent(
                Action.EMBARGOED,
                f"new story under embargo until {data.embargoed.isoformat()}",
                store_version=True, make_current=True,
            )  # fmt: skip
        return intent(Action.NEW, "new story", store_version=True, make_current=True)

    if digest in existing.content_hashes:
        return intent(Action.UNCHANGED, "this version is already stored", store_version=False, make_current=False)

    newer = is_newer(version_key(data), existing.current)
    if data.is_kill:
        if existing.killed:
            return intent(
                Action.UNCHANGED,
                "kill notice for a story already killed; notice kept",
                store_version=True, make_current=newer,
            )  # fmt: skip
        return intent(
            Action.KILLED,
            f"agency sent pubstatus {data.pubstatus.value}: story killed",
            store_version=True, make_current=newer, kill=True,
        )  # fmt: skip

    if not newer:
        return intent(
            Action.STALE,
            "older than the current version (arrived late): kept, not shown",
            store_version=True, make_current=False,
        )  # fmt: skip

    headline_changed = data.headline != existing.headline
    if existing.killed:
        # Only the agency can lift its own kill, and only with a newer usable version
        # (docs/architecture.md: "an agency kill is final"); a desk kill stays whatever arrives.
        return intent(
            Action.UPDATED,
            "newer usable version from the agency: its kill is lifted",
            store_version=True, make_current=True, revive=True, headline_changed=headline_changed,
        )  # fmt: skip
    if data.is_correction:
        return intent(
            Action.UPDATED,
            "correction from the agency",
            store_version=True, make_current=True, correction=True, headline_changed=headline_changed,
        )  # fmt: skip
    return intent(
        Action.UPDATED,
        "newer version from the agency",
        store_version=True, make_current=True, headline_changed=headline_changed,
    )  # fmt: skip
