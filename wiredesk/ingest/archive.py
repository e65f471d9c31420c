"""The raw archive: every payload kept byte for byte before anything parses it.

Payloads are content-addressed (SHA-256), so the same bytes twice are one row, and
compressed with zlib. A payload that cannot be read stays here, quarantined with its error,
and can be re-processed once the parser learns to read it.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterator, Sequence

from wiredesk.ingest import _sql
from wiredesk.stories.models import Agency, RawPayload


def archive_many(items: Sequence[tuple[bytes, str, str, str]], *, agency: Agency | None = None) -> list[RawPayload]:
    """Archive ``(data, origin, error, format)`` items with their outcome; one row per item, in order.

    Two queries however many items: one look-up of the bytes already archived, one insert
    of the new ones. Meant to run in the transaction that also stores the items' stories, so
    the outcome is known when the row is written: quarantined with ``error``, or ok. A row
    already archived whose outcome differs is updated (re-processing fixes or quarantines it).
    """
    digests = [hashlib.sha256(data).hexdigest() for data, _, _, _ in items]
    found = {p.sha256: p for p in RawPayload.objects.filter(sha256__in=set(digests)).defer("content")}
    new: dict[str, RawPayload] = {}
    for digest, (data, origin, error, fmt) in zip(digests, items, strict=True):
        if digest in found:
            _set_outcome(found[digest], error)
        elif digest not in new:
            new[digest] = RawPayload(
                sha256=digest,
                content=zlib.compress(data, 1),
                size=len(data),
                origin=origin[:1000],
                agency=agency,
                format=fmt,
                outcome=RawPayload.Outcome.QUARANTINED if error else RawPayload.Outcome.OK,
                error=error,
            )
    _sql.insert_objects(list(new.values()))
    found.update(new)
    return [found[digest] for digest in digests]


def _set_outcome(payload: RawPayload, error: str) -> None:
    if error:
        if (payload.outcome, payload.error, payload.format) != (RawPayload.Outcome.QUARANTINED, error, ""):
            quarantine(payload, error)
    elif payload.outcome != RawPayload.Outcome.OK:
        RawPayload.objects.filter(pk=payload.pk).update(outcome=RawPayload.Outcome.OK, error="")
        payload.outcome, payload.error = RawPayload.Outcome.OK, ""


def payload_bytes(payload: RawPayload) -> bytes:
    """The original bytes of an archived payload."""
    return zlib.decompress(bytes(payload.content))


def iter_archived(*, quarantined_only: bool = False) -> Iterator[tuple[int | None, str, bytes]]:
    """``(agency id, origin, bytes)`` of archived payloads, in the order they were received.

    Re-processing these through the pipeline rebuilds the stories (design.md: "Re-processing
    the archive rebuilds the same stories"); ``quarantined_only`` retries only the payloads
    that could not be read, e.g. after a parser learned their format.
    """
    payloads = RawPayload.objects.order_by("received", "pk")
    if quarantined_only:
        payloads = payloads.filter(outcome=RawPayload.Outcome.QUARANTINED)
    for payload in payloads.iterator(chunk_size=200):
        yield payload.agency_id, payload.origin, payload_bytes(payload)


def quarantine(payload: RawPayload, error: str, *, format: str = "") -> None:
    """Mark ``payload`` as unreadable, keeping its bytes and the reason in plain words."""
    RawPayload.objects.filter(pk=payload.pk).update(outcome=RawPayload.Outcome.QUARANTINED, error=error, format=format)
    payload.outcome, payload.error = RawPayload.Outcome.QUARANTINED, error
