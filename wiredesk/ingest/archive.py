"""The raw archive: every payload kept byte for byte before anything parses it.

Payloads are content-addressed (SHA-256), so the same bytes twice are one row, and
compressed with zlib. A payload that cannot be read stays here, quarantined with its error,
and can be re-processed once the parser learns to read it.
"""

from __future__ import annotations

import hashlib
import zlib

from wiredesk.stories.models import Agency, RawPayload


def archive_payload(data: bytes, *, origin: str = "", agency: Agency | None = None) -> RawPayload:
    """Return the archived row for ``data``, creating it when these bytes are new."""
    digest = hashlib.sha256(data).hexdigest()
    payload = RawPayload.objects.filter(sha256=digest).first()
    if payload is not None:
        return payload
    payload = RawPayload(
        sha256=digest,
        content=zlib.compress(data, 1),
        size=len(data),
        origin=origin[:1000],
        agency=agency,
    )
    payload.save(force_insert=True)
    return payload


def payload_bytes(payload: RawPayload) -> bytes:
    """The original bytes of an archived payload."""
    return zlib.decompress(bytes(payload.content))


def quarantine(payload: RawPayload, error: str, *, format: str = "") -> None:
    """Mark ``payload`` as unreadable, keeping its bytes and the reason in plain words."""
    RawPayload.objects.filter(pk=payload.pk).update(outcome=RawPayload.Outcome.QUARANTINED, error=error, format=format)
    payload.outcome, payload.error = RawPayload.Outcome.QUARANTINED, error
