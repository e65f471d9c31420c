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


def archive_many(items: Sequence[tuple[bytes, str, str, str]], *, agency: Agency | None = None) -> list[int]:
    """Archive ``(data, origin, error, format)`` items with their outcome; the id of each item's row, in order.

    Two queries however many items: one look-up of the bytes already archived, one insert
    of the new ones (plain rows: no model instances on this hot path). Meant to run in the
    transaction that also stores the items' stories, so the outcome is known when the row is
    written: quarantined with ``error``, or ok. A row already archived whose outcome differs
    is updated (re-processing fixes or quarantines it).
    """
    digests = [hashlib.sha256(data).hexdigest() for data, _, _, _ in items]
    # the same bytes twice in a batch read the same, so one error per digest
    error_of = {digest: error for digest, (_, _, error, _) in zip(digests, items, strict=True)}
    ids: dict[str, int] = {}
    stored = RawPayload.objects.filter(sha256__in=set(digests)).values_list(
        "pk", "sha256", "outcome", "error", "format"
    )
    for pk, digest, outcome, stored_error, fmt in stored:
        ids[digest] = pk
        _set_outcome(pk, outcome, stored_error, fmt, error_of[digest])
    new: dict[str, dict[str, object]] = {}
    for digest, (data, origin, error, fmt) in zip(digests, items, strict=True):
        if digest not in ids and digest not in new:
            new[digest] = {
                "sha256": digest, "content": zlib.compress(data, 1), "size": len(data), "origin": origin[:1000],
                "agency_id": agency.pk if agency is not None else None, "format": fmt, "error": error,
                "outcome": RawPayload.Outcome.QUARANTINED if error else RawPayload.Outcome.OK,
            }  # fmt: skip
    ids.update(zip(new, _sql.insert(RawPayload, list(new.values())), strict=True))
    return [ids[digest] for digest in digests]


def _set_outcome(pk: int, outcome: str, stored_error: str, fmt: str, error: str) -> None:
    """Bring an archived row's outcome in line with this reading of its bytes."""
    if error:
        if (outcome, stored_error, fmt) != (RawPayload.Outcome.QUARANTINED, error, ""):
            RawPayload.objects.filter(pk=pk).update(outcome=RawPayload.Outcome.QUARANTINED, error=error, format="")
    elif outcome != RawPayload.Outcome.OK:
        RawPayload.objects.filter(pk=pk).update(outcome=RawPayload.Outcome.OK, error="")


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
