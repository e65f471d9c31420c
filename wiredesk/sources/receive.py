"""Receiving a pushed payload: the one way a request body becomes stories (issue #12).

Three URLs take a payload pushed at Wiredesk: ``POST /api/ingest/`` (an API token),
``POST /sources/<id>/push/`` (the source's push token) and WebSub deliveries to
``/sources/<id>/websub/`` (the hub's signature). Each checks its caller and answers in its
own JSON; what happens in between is :func:`receive`, once:

1. the body is read from the request's stream, never more than
   ``WIREDESK_MAX_PAYLOAD_BYTES`` and a byte (``request.body`` would stop at Django's
   form-data limit, ``DATA_UPLOAD_MAX_MEMORY_SIZE``, 2.5 MB, far below what agencies send);
   a larger body — or a ``Content-Length`` announcing one — is refused (413) before it is
   all read, and not archived: the sender still holds it and is told;
2. a ``check`` that needs the body runs (WebSub's ``X-Hub-Signature``);
3. an empty body is refused (400): there is nothing to archive;
4. the payload goes through the ingest pipeline exactly like a file given to
   ``wiredesk ingest``: archived, then stored, or quarantined with the reason;
5. for a source, the delivery is logged as a ``SourceRun`` like a poll, without moving the
   source's next poll.

Refusals before the pipeline raise :class:`PushRefused` (HTTP status, an error code of the
API's, the reason in words). Does not authenticate callers (each URL does, before the body
is read) and does not write the answer: the API answers with its error objects and the
outcome of every story, ``/sources/`` with summary lines; both are stable interfaces.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from wiredesk.exceptions import WiredeskError
from wiredesk.ingest.pipeline import PayloadOutcome, Pipeline
from wiredesk.sources import polling, schedule
from wiredesk.sources.models import Source

EMPTY = "The body is empty: send the wire payload as it is (XML or JSON)."


class PushRefused(WiredeskError):
    """A pushed body refused before the pipeline saw it: ``status``, ``code`` (as the API's) and why."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def too_large() -> PushRefused:
    limit = settings.WIREDESK_MAX_PAYLOAD_BYTES
    return PushRefused(413, "payload_too_large",
                       f"The payload is over the limit of {limit} bytes (WIREDESK_MAX_PAYLOAD_BYTES).")  # fmt: skip


def read_payload(request: HttpRequest) -> bytes:
    """The request body, read from the stream; ``PushRefused`` (413) past ``WIREDESK_MAX_PAYLOAD_BYTES``.

    A ``Content-Length`` over the limit is refused before anything is read; a body is never
    read further than the limit and one byte. A malformed ``Content-Length`` reads as none
    (Django's request then has an empty body).
    """
    limit = settings.WIREDESK_MAX_PAYLOAD_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        raise too_large()
    data = request.read(limit + 1)
    if len(data) > limit:
        raise too_large()
    return data


def receive(
    request: HttpRequest,
    pipeline: Pipeline,
    *,
    origin: str,
    source: Source | None = None,
    check: Callable[[bytes], None] | None = None,
) -> PayloadOutcome:
    """Read the pushed payload of ``request`` and ingest it with ``pipeline``; its outcome.

    ``check`` sees the body before anything is stored and refuses it by raising
    ``PushRefused``. With ``source``, the delivery is logged as one of its runs. Raises
    ``PushRefused`` for a body too large, refused by ``check``, or empty; whatever the body
    holds otherwise, the pipeline archives it and stores it or quarantines it (the outcome's
    ``error``), never raising.
    """
    body = read_payload(request)
    if check is not None:
        check(body)
    if not body.strip():
        raise PushRefused(400, "invalid_body", EMPTY)
    started, clock = timezone.now(), time.monotonic()
    outcome = pipeline.ingest(body, origin=origin)
    if source is not None:
        # A bad delivery is logged and shown, but never pushes a WebSub source's safety-net poll back.
        result = schedule.Outcome.FAILED if outcome.error else polling.outcome_of([outcome])
        polling.finish(source, started, clock, result, error=outcome.error, outcomes=[outcome], reschedule=False)
    return outcome
