"""WebSub (W3C Recommendation, 2018) for feeds that announce a hub.

Discovery (§4): a ``Link: <…>; rel="hub"`` header or an ``<atom:link rel="hub">`` /
``<link rel="hub">`` element in the feed. Subscribing (§5.1) posts ``hub.callback``,
``hub.mode``, ``hub.topic``, ``hub.secret`` and ``hub.lease_seconds`` to the hub; the hub
then verifies the intent (§5.3) with a GET the callback answers by echoing
``hub.challenge`` — only for the topic and mode we asked for. Deliveries (§7) are signed
with ``X-Hub-Signature: sha256=…`` (HMAC of the body with our secret); unsigned or badly
signed deliveries are refused.

A WebSub source keeps being polled as a safety net (the hub may fail); its deliveries go
through the same ingest and poll log as everything else. The hub is reached through the
same fetcher as feeds (``ingest.retrieve.fetch``): its address is checked where the
connection is made, the exchange is bounded in time and size. Does not run a hub.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping
from datetime import timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from wiredesk.ingest.netguard import Guard
from wiredesk.ingest.retrieve import fetch
from wiredesk.sources.models import Source

LEASE_SECONDS = 10 * 24 * 3600
HUB_ANSWER_BYTES = 64 * 1024  # what is read of a hub's answer to a subscription (only its status matters)
_LINK_HEADER = re.compile(r"<([^>]+)>\s*;[^,]*?rel\s*=\s*\"?([^\";,]+)\"?", re.IGNORECASE)
_LINK_ELEMENT = re.compile(rb"<(?:[\w]+:)?link\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(rb"""(\w+)\s*=\s*["']([^"']*)["']""")
_ALGORITHMS = {"sha1": hashlib.sha1, "sha256": hashlib.sha256, "sha384": hashlib.sha384, "sha512": hashlib.sha512}


def find_hub(headers: Mapping[str, str], body: bytes) -> str:
    """The hub a feed announces (Link header first, then the feed's own link elements), or ``""``."""
    for url, rels in _LINK_HEADER.findall(headers.get("link", "")):
        if "hub" in rels.lower().split():
            return str(url)
    for element in _LINK_ELEMENT.findall(body[: 64 * 1024]):
        attrs = {k.lower(): v for k, v in _ATTR.findall(element)}
        if b"hub" in attrs.get(b"rel", b"").lower().split() and attrs.get(b"href"):
            return str(attrs[b"href"].decode("utf-8", "replace"))
    return ""


def note_hub(source: Source, headers: Mapping[str, str], body: bytes) -> None:
    """Remember the hub a polled feed announces (the caller saves the source)."""
    hub = find_hub(headers, body)
    if hub:
        source.websub_hub = urljoin(source.address, hub)


def callback_url(source: Source) -> str:
    return settings.WIREDESK_BASE_URL + reverse("sources:websub", args=[source.pk])


def subscribe(source: Source, *, mode: str = "subscribe", guard: Guard | None = None) -> str:
    """Ask the source's hub to (un)subscribe us; ``""`` when the hub accepted, else why not.

    ``guard`` (tests) replaces the one made from ``WIREDESK_ALLOW_PRIVATE_ADDRESSES``.
    """
    if not source.websub_hub:
        return "The feed announces no WebSub hub."
    if not source.websub_secret:
        source.websub_secret = secrets.token_urlsafe(32)
    source.websub_mode = mode
    source.save(update_fields=["websub_secret", "websub_mode"])
    form = {
        "hub.callback": callback_url(source),
        "hub.mode": mode,
        "hub.topic": source.address,
        "hub.secret": source.websub_secret,
        "hub.lease_seconds": str(LEASE_SECONDS),
    }
    accepted = (202, 204)  # §5.1.2: 202 Accepted; some hubs answer 204
    answer = fetch(source.websub_hub, form=form, accept=accepted, max_bytes=HUB_ANSWER_BYTES,
                   allow_private=settings.WIREDESK_ALLOW_PRIVATE_ADDRESSES, timeout=settings.WIREDESK_POLL_TIMEOUT,
                   guard=guard)  # fmt: skip
    if answer.status in accepted:
        return ""
    if answer.status:
        return f"The WebSub hub refused the subscription (HTTP {answer.status})."
    return f"The WebSub hub could not be reached: {answer.error}"


def verify_intent(source: Source, params: Mapping[str, str]) -> str | None:
    """The challenge to echo when the hub's verification matches what we asked for, else ``None``.

    A ``denied`` notice (§5.2) is kept on the source as its last error.
    """
    mode, topic = params.get("hub.mode", ""), params.get("hub.topic", "")
    if topic != source.address:
        return None
    if mode == "denied":
        source.last_error = f"The WebSub hub denied the subscription: {params.get('hub.reason', 'no reason given')}."
        source.last_error_at = timezone.now()
        source.save(update_fields=["last_error", "last_error_at"])
        return None
    # A hub renewing a subscription we hold verifies "subscribe" again on its own.
    if mode not in ("subscribe", "unsubscribe") or mode != (source.websub_mode or "subscribe"):
        return None
    if mode == "subscribe" and not (source.websub_mode or source.websub_lease_until):
        return None  # never asked for
    lease = params.get("hub.lease_seconds", "")
    source.websub_lease_until = (
        timezone.now() + timedelta(seconds=int(lease)) if mode == "subscribe" and lease.isdigit() else None
    )
    source.websub_mode = ""
    source.save(update_fields=["websub_lease_until", "websub_mode"])
    return params.get("hub.challenge")


def signature_ok(secret: str, body: bytes, header: str) -> bool:
    """Whether ``X-Hub-Signature`` (``method=hexdigest``) is the HMAC of ``body`` with ``secret``."""
    method, _, signature = header.partition("=")
    digest = _ALGORITHMS.get(method.strip().lower())
    if not secret or digest is None or not signature:
        return False
    expected = hmac.new(secret.encode(), body, digest).hexdigest()
    return hmac.compare_digest(expected, signature.strip().lower())
