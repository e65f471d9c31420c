"""The raw archive: every payload kept byte for byte before anything parses it.

Payloads are content-addressed (SHA-256), so the same bytes twice are one row, and
compressed with zlib. A payload that cannot be read stays here, quarantined with its error,
and can be re-processed once the parser learns to read it.

A payload that could not be kept whole — over ``WIREDESK_MAX_PAYLOAD_BYTES``, or a file
that could not be read — is archived too, as a *record*: its first ``HEAD_BYTES`` at most
(nothing, when unreadable), its real size, and why (docs/architecture.md: "every payload is
archived, whatever becomes of it"). Its digest is the payload's own when the bytes were in
hand, and otherwise one of what was seen (``record_digest``), so the same file seen twice is
one record; either way it is not the digest of the record's content, which is how
``iter_archived`` tells a record from a payload.
"""

from __future__ import annotations

import hashlib
import logging
import zlib
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from wiredesk.ingest import _sql
from wiredesk.ingest.normalize import escape_text
from wiredesk.stories.models import Agency, RawPayload

log = logging.getLogger("wiredesk.ingest")

HEAD_BYTES = 64 * 1024
"""What a record keeps of a payload too large to keep: enough to see what it was."""


class Item(NamedTuple):
    """One payload to archive, with its outcome: ``error`` (quarantined) or none (ok).

    ``size`` and ``sha256`` are given for a record only (``data`` then holds the payload's
    head); a payload's own are taken from ``data``. A ``NamedTuple``: one is made per payload
    on the hot path, at a third of a frozen dataclass's cost.
    """

    data: bytes
    origin: str
    error: str = ""
    format: str = ""
    size: int | None = None
    sha256: str = ""

    def digest(self) -> str:
        return self.sha256 or hashlib.sha256(self.data).hexdigest()


def record_digest(origin: str, size: int, head: bytes) -> str:
    """The address of a record of a payload whose bytes were never all read.

    What was seen (where, how large, how it starts) rather than the content: two records
    of the same file are one row. It is never the digest of the record's own content.
    """
    seen = f"wiredesk record\0{origin}\0{size}\0".encode("utf-8", "surrogatepass")
    return hashlib.sha256(seen + head).hexdigest()


def archive_many(items: Sequence[Item], *, agency: Agency | None = None) -> list[int]:
    """Archive ``items`` with their outcome; the id of each item's row, in order.

    Two queries however many items: one look-up of the bytes already archived, one insert
    of the new ones (plain rows: no model instances on this hot path). Meant to run in the
    transaction that also stores the items' stories, so the outcome is known when the row is
    written: quarantined with ``error``, or ok. A row already archived whose outcome differs
    is updated (re-processing fixes or quarantines it). Origins and errors are stored with
    control characters and surrogates escaped (``normalize.escape_text``): a file name may
    hold any byte, and the databases refuse some.
    """
    digests = [item.digest() for item in items]
    # the same bytes twice in a batch read the same, so one error per digest
    error_of = {digest: escape_text(item.error) for digest, item in zip(digests, items, strict=True)}
    ids: dict[str, int] = {}
    stored = RawPayload.objects.filter(sha256__in=set(digests)).values_list(
        "pk", "sha256", "outcome", "error", "format"
    )
    for pk, digest, outcome, stored_error, fmt in stored:
        ids[digest] = pk
        _set_outcome(pk, outcome, stored_error, fmt, error_of[digest])
    new: dict[str, dict[str, object]] = {}
    for digest, item in zip(digests, items, strict=True):
        if digest not in ids and digest not in new:
            error = error_of[digest]
            new[digest] = {
                "sha256": digest, "content": zlib.compress(item.data, 1),
                "size": len(item.data) if item.size is None else item.size,
                "origin": escape_text(item.origin)[:1000],
                "agency_id": agency.pk if agency is not None else None, "format": item.format, "error": error,
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

    Re-processing these through the pipeline rebuilds the stories (docs/architecture.md: "re-processing
    the archive rebuilds the same stories"); ``quarantined_only`` retries only the payloads
    that could not be read, e.g. after a parser learned their format. Records of payloads
    never kept whole are left out: there is nothing to re-process.
    """
    payloads = RawPayload.objects.order_by("received", "pk")
    if quarantined_only:
        payloads = payloads.filter(outcome=RawPayload.Outcome.QUARANTINED)
    for payload in payloads.iterator(chunk_size=200):
        data = payload_bytes(payload)
        if hashlib.sha256(data).hexdigest() != payload.sha256:  # a record: the payload itself was never kept
            log.info("archived payload %s (%s) is a record of %d bytes never kept; not re-processed",
                     payload.pk, payload.origin, payload.size)  # fmt: skip
            continue
        yield payload.agency_id, payload.origin, data
