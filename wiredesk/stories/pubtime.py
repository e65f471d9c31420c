"""When a story was published, as readers see it: the agency's time, never later than receipt.

Lists, feeds, sitemaps and the article page show and sort by ``Story.first_published``
(issue #11). It is the agency's publication time, not the moment Wiredesk stored the
story: a feed of 120 items ingested in one go must list them in the agency's order, and a
story the agency filed at 09:00 and we received at 09:40 was published at 09:00.

``agency_publication_time`` is the rule, pure. ``first_publication`` applies it to a stored
story (one query for its first version): for the desk publishing a held story later.

Does not write anything: ``wiredesk.ingest`` (new stories) and ``stories.services`` (a
held story published by the desk) store the value in ``Story.first_published``.
"""

from __future__ import annotations

from datetime import datetime

from wiredesk.stories.models import Story


def agency_publication_time(
    *,
    first_created: datetime | None,
    version_created: datetime | None,
    received: datetime,
    embargo: datetime | None = None,
) -> datetime:
    """The publication time of a story whose first version carries these times.

    The agency's ``firstCreated`` (ninjs 3.1: "when the first version of the content was
    created"), else the version's ``versionCreated``, else the time it was ``received``;
    never later than ``received`` (an agency clock ahead of ours, or a time zone read
    wrongly, must not put a story above the ones that really are newer), and never before
    the end of its ``embargo``: an embargoed story is published when the embargo ends.
    """
    agency = first_created or version_created or received
    published = min(agency, received)
    if embargo is not None and embargo > published:
        return embargo
    return published


def first_publication(story: Story, *, now: datetime) -> datetime:
    """``agency_publication_time`` of ``story``'s first version received (``now`` when it has none).

    The embargo is the story's (``Story.embargoed_until``), which the desk may hold beyond
    the agency's. Reads one row; writes nothing.
    """
    first = (
        story.versions.order_by("received", "pk").values_list("first_created", "version_created", "received").first()
    )
    first_created, version_created, received = first if first is not None else (None, None, now)
    return agency_publication_time(
        first_created=first_created,
        version_created=version_created,
        received=min(received, now),
        embargo=story.embargoed_until,
    )
