"""Who the client is, when a trusted reverse proxy stands in front of the app.

Behind ``deploy/nginx`` every request comes from 127.0.0.1; the real client is named by the
proxy in ``X-Forwarded-For`` and its scheme in ``X-Forwarded-Proto``. Any client can send
those headers too, so they count only on requests whose peer (``REMOTE_ADDR``) is one of
``WIREDESK_TRUSTED_PROXIES``:

- :class:`ForwardedHeadersMiddleware` removes the forwarding headers from every other
  request before anything reads them (``SECURE_PROXY_SSL_HEADER``, this module), so a client
  that reaches the app directly cannot claim https or another address;
- :func:`client_address` walks ``X-Forwarded-For`` from the right, skipping trusted
  proxies; the first address that is not one is the client. A proxy that appends to the
  header (``$proxy_add_x_forwarded_for``) and one that overwrites it (``$remote_addr``, as
  ``deploy/nginx`` does) both give the right answer.

Does not rewrite ``REMOTE_ADDR``, and trusts no proxy unless configured: without
``WIREDESK_TRUSTED_PROXIES`` the peer address is the client, whatever the headers say.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponseBase

type Network = ipaddress.IPv4Network | ipaddress.IPv6Network
type Address = ipaddress.IPv4Address | ipaddress.IPv6Address

#: The request headers (as ``META`` keys) only a trusted proxy may set.
FORWARDING_HEADERS = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_X_REAL_IP",
    "HTTP_FORWARDED",
)


@cache
def parse_networks(values: Iterable[str]) -> tuple[Network, ...]:
    """``WIREDESK_TRUSTED_PROXIES`` as networks (an address is a network of one)."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError as exc:
            raise ImproperlyConfigured(f"WIREDESK_TRUSTED_PROXIES: {value!r} is not an IP address or network.") from exc
    return tuple(networks)


def trusted_networks() -> tuple[Network, ...]:
    return parse_networks(tuple(getattr(settings, "WIREDESK_TRUSTED_PROXIES", ())))


def _address(value: str) -> Address | None:
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _is_trusted(address: Address | None, networks: tuple[Network, ...]) -> bool:
    return address is not None and any(address.version == n.version and address in n for n in networks)


def is_trusted_peer(request: HttpRequest) -> bool:
    """Whether the request's peer is one of the configured proxies."""
    return _is_trusted(_address(request.META.get("REMOTE_ADDR") or ""), trusted_networks())


def client_address(request: HttpRequest) -> str | None:
    """The client's address: the peer's, or behind trusted proxies the one they name.

    An entry of ``X-Forwarded-For`` that is not an address stops the walk: the last
    trusted hop is answered then, never a string the client chose.
    """
    peer = request.META.get("REMOTE_ADDR") or None
    networks = trusted_networks()
    hop = _address(peer or "")
    if not _is_trusted(hop, networks):
        return peer
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    for part in reversed(forwarded):
        address = _address(part)
        if address is None:
            break
        hop = address
        if not _is_trusted(address, networks):
            break
    return str(hop)


class ForwardedHeadersMiddleware:
    """Drop ``X-Forwarded-*``, ``X-Real-IP`` and ``Forwarded`` unless a trusted proxy sent them.

    Goes first in ``MIDDLEWARE``: ``SecurityMiddleware`` reads ``X-Forwarded-Proto``
    (``SECURE_PROXY_SSL_HEADER``) to decide whether the request was https.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not is_trusted_peer(request):
            for key in FORWARDING_HEADERS:
                request.META.pop(key, None)
        return self.get_response(request)
