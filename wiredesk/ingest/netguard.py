"""Outbound HTTP that connects only to the address it checked (the SSRF guard).

Checking a host's address and then letting the HTTP client resolve it again is open to DNS
rebinding: the name answers a public address to the check and ``127.0.0.1`` to the
connection. Here the one lookup happens when the connection is made, inside httpcore's
network backend: every address the name resolves to is checked (one private answer refuses
the host), and the socket is opened to a checked address, never to the name. The request
still carries the name in ``Host``, and TLS still sends it as SNI and verifies the
certificate against it: only the address lookup moved. Every redirect hop to a new host is
a new connection, so it is checked the same way.

Refused: loopback, private, link-local, shared, reserved, multicast and unspecified
addresses (``ipaddress``' ``is_global``), IPv4-mapped IPv6 forms of them included — unless
``WIREDESK_ALLOW_PRIVATE_ADDRESSES`` is on (tests, a drop server on the LAN).

A client may also carry a deadline (``time.monotonic()`` seconds): every connect, read and
write of its connections then ends by it, so a server that drips its status line, headers or
body a byte at a time cannot stretch one exchange past it (httpx's own timeouts are per
operation).

Does not follow redirects or read bodies (``retrieve.fetch`` does); does not use proxies from
the environment (``HTTP_PROXY``): through a proxy, the proxy would resolve the name.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

from wiredesk.ingest.exceptions import IngestError

type Address = ipaddress.IPv4Address | ipaddress.IPv6Address
#: ``(host, port) → addresses``, as text; raises ``OSError`` when the name does not resolve.
type Resolver = Callable[[str, int], list[str]]
#: Whether a connection to this address is allowed.
type AddressPolicy = Callable[[Address], bool]
#: httpcore's ``SOCKET_OPTION``: what ``socket.setsockopt`` takes.
type SocketOption = tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]

SCHEMES = ("http", "https")


class RefusedDestination(IngestError):
    """A URL names a scheme, host or address Wiredesk does not fetch from."""


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses ``getaddrinfo`` gives for a TCP connection, in its order, once each."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public(address: Address) -> bool:
    """Whether ``address`` is on the public internet (and not multicast)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def check_url(url: str) -> tuple[str, int]:
    """The host and port of an http(s) URL; ``RefusedDestination`` for anything else."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise RefusedDestination(f"Not a usable URL: {url} ({exc}).") from exc
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise RefusedDestination(f"Only http:// and https:// URLs are fetched, not {scheme or 'this'}: {url}")
    if not parts.hostname:
        raise RefusedDestination(f"Not a usable URL: {url}")
    return parts.hostname, port or (443 if scheme == "https" else 80)


@dataclass(frozen=True, slots=True)
class Guard:
    """How destinations are resolved and which addresses may be connected to.

    ``resolver`` and ``policy`` are for tests (a resolver that answers differently each
    time, a policy that stands a loopback address in for a public one); ``ssl_context``
    for a test certificate authority. Production uses the defaults.
    """

    allow_private: bool = False
    resolver: Resolver = system_resolver
    policy: AddressPolicy = is_public
    ssl_context: ssl.SSLContext | None = field(default=None, compare=False)

    def addresses(self, host: str, port: int) -> list[str]:
        """Resolve ``host`` once; every answer must pass the policy. Raises ``IngestError``."""
        try:
            found = self.resolver(host, port)
        except OSError as exc:
            reason = getattr(exc, "strerror", None) or exc
            raise IngestError(f"Cannot resolve {host}: {reason}.") from exc
        if not found:
            raise IngestError(f"Cannot resolve {host}: no address.")
        if not self.allow_private:
            for text in found:
                address = ipaddress.ip_address(text.split("%", 1)[0])
                if not self.policy(address):
                    raise RefusedDestination(
                        f"Refused: {host} is a private or loopback address ({text}); set "
                        "WIREDESK_ALLOW_PRIVATE_ADDRESSES=1 to allow it."
                    )
        return found

    def check(self, url: str) -> list[str]:
        """Check a URL now (scheme, host, addresses) without connecting: the addresses."""
        return self.addresses(*check_url(url))

    def client(self, *, deadline: float | None = None, **options: Any) -> httpx.Client:
        """An ``httpx.Client`` whose every connection goes through this guard.

        ``options`` are passed to ``httpx.Client`` (timeout, headers…); redirects are never
        followed by the client itself: the caller checks each hop's URL with
        :func:`check_url` and the guard checks its address on connecting. With ``deadline``
        (``time.monotonic()`` seconds), no connect, read or write of the client's
        connections goes on past it: it fails as httpx's timeouts do.
        """
        return httpx.Client(transport=GuardedTransport(self, deadline=deadline), follow_redirects=False, **options)


def _time_left(deadline: float, timeout: float | None, error: type[httpcore.TimeoutException]) -> float:
    """What an operation may take: ``timeout``, cut to what is left before ``deadline``; ``error`` past it."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("The deadline of the exchange has passed.")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by ``deadline``, however slowly bytes come."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: float) -> None:
        self.stream, self.deadline = stream, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.stream.read(max_bytes, _time_left(self.deadline, timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.stream.write(buffer, _time_left(self.deadline, timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self.stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        left = _time_left(self.deadline, timeout, httpcore.ConnectTimeout)
        tls = self.stream.start_tls(ssl_context, server_hostname, left)
        return _DeadlineStream(tls, self.deadline)

    def get_extra_info(self, info: str) -> Any:
        return self.stream.get_extra_info(info)


class _GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, resolving through the guard and connecting to an address."""

    def __init__(self, guard: Guard, deadline: float | None = None) -> None:
        self.guard, self.deadline = guard, deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        error: httpcore.ConnectError | httpcore.ConnectTimeout | None = None
        for address in self.guard.addresses(host, port):
            left = timeout if self.deadline is None else _time_left(self.deadline, timeout, httpcore.ConnectTimeout)
            try:
                stream = super().connect_tcp(address, port, left, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc  # the next checked address, as getaddrinfo's users do
                continue
            return stream if self.deadline is None else _DeadlineStream(stream, self.deadline)
        raise error or IngestError(f"Cannot resolve {host}: no address.")


class GuardedTransport(httpx.HTTPTransport):
    """``httpx.HTTPTransport`` over :class:`_GuardedBackend`; ignores environment proxies."""

    def __init__(self, guard: Guard, *, deadline: float | None = None) -> None:
        super().__init__(trust_env=False)
        # httpx 0.28 takes no network backend; its pool is rebuilt with one (httpcore's
        # public API). ingest/tests/test_netguard.py fails loudly if that ever stops working.
        self._pool = httpcore.ConnectionPool(
            ssl_context=guard.ssl_context or httpx.create_ssl_context(trust_env=False),
            max_connections=10,
            max_keepalive_connections=5,
            keepalive_expiry=5.0,
            network_backend=_GuardedBackend(guard, deadline),
        )
