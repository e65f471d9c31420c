"""The SSRF guard with real sockets: servers on loopback, a resolver that changes its mind.

127.0.0.1 stands in for a public address (the test policy allows it) and 127.0.0.2 for an
internal service (the policy refuses it); each runs a real HTTP server on the same port,
so a URL reaches one or the other only through what its name resolves to. The rebinding
resolver answers the allowed address first and the internal one on every later lookup: a
client that checks and then resolves again — what Wiredesk did before — lands on the
internal service.
"""

from __future__ import annotations

import ipaddress
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from wiredesk.ingest.netguard import Guard, RefusedDestination, check_url, is_public
from wiredesk.ingest.retrieve import check_destination, fetch, iter_targets
from wiredesk.ingest.tests.loopback import INTERNAL, PUBLIC, Resolver, Server, only_public

MAX = 1_000_000


@pytest.fixture
def servers() -> Iterator[tuple[Server, Server]]:
    """The 'public' server on 127.0.0.1 and the 'internal' one on 127.0.0.2, same port."""
    public = Server(PUBLIC)
    internal = Server(INTERNAL, public.port)
    public.routes["/feed"] = (200, {}, b"<rss>public</rss>")
    internal.routes["/feed"] = (200, {}, b"<rss>INTERNAL SECRET</rss>")
    internal.routes["/secret"] = (200, {}, b"INTERNAL SECRET")
    try:
        yield public, internal
    finally:
        public.close()
        internal.close()


@pytest.mark.parametrize("form", [None, {"hub.mode": "subscribe"}], ids=["get", "post"])
def test_a_rebinding_name_is_fetched_from_the_address_that_was_checked(
    servers: tuple[Server, Server], form: dict[str, str] | None
) -> None:
    public, internal = servers
    rebinding = Resolver(feed_test=[[PUBLIC], [INTERNAL]])
    guard = Guard(resolver=rebinding, policy=only_public)
    fetched = fetch(f"http://feed.test:{public.port}/feed", form=form, max_bytes=MAX, allow_private=False, guard=guard)
    assert (fetched.status, fetched.data, fetched.error) == (200, b"<rss>public</rss>", "")
    assert rebinding.lookups == ["feed.test"]  # one lookup: the checked answer is the one used
    assert public.hits["/feed"] == 1 and internal.hits["/feed"] == 0


def test_the_second_answer_of_a_rebinding_name_is_refused_too(servers: tuple[Server, Server]) -> None:
    """Each new connection resolves and checks again: the internal answer is refused, not used."""
    public, internal = servers
    rebinding = Resolver(feed_test=[[PUBLIC], [INTERNAL]])
    guard = Guard(resolver=rebinding, policy=only_public)
    url = f"http://feed.test:{public.port}/feed"
    assert fetch(url, max_bytes=MAX, allow_private=False, guard=guard).status == 200
    second = fetch(url, max_bytes=MAX, allow_private=False, guard=guard)
    assert second.status == 0
    assert second.error.startswith(f"Refused: feed.test is a private or loopback address ({INTERNAL})")
    assert internal.hits["/feed"] == 0


def test_one_refused_address_refuses_the_name(servers: tuple[Server, Server]) -> None:
    public, internal = servers
    guard = Guard(resolver=Resolver(feed_test=[[PUBLIC, INTERNAL]]), policy=only_public)
    fetched = fetch(f"http://feed.test:{public.port}/feed", max_bytes=MAX, allow_private=False, guard=guard)
    assert fetched.error.startswith(f"Refused: feed.test is a private or loopback address ({INTERNAL})")
    assert public.hits["/feed"] == 0 and internal.hits["/feed"] == 0


def test_every_redirect_hop_is_checked_where_it_connects(servers: tuple[Server, Server]) -> None:
    public, internal = servers
    public.routes["/moved"] = (302, {"Location": f"http://intranet.test:{public.port}/secret"}, b"")
    resolver = Resolver(feed_test=[[PUBLIC]], intranet_test=[[INTERNAL]])
    guard = Guard(resolver=resolver, policy=only_public)
    url = f"http://feed.test:{public.port}/moved"
    fetched = fetch(url, max_bytes=MAX, allow_private=False, guard=guard)
    assert fetched.error.startswith(f"Refused: intranet.test is a private or loopback address ({INTERNAL})")
    assert public.hits["/moved"] == 1 and internal.hits["/secret"] == 0


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://feed.test/feed", "gopher://feed.test:70/1"])
def test_a_redirect_to_another_scheme_is_refused(servers: tuple[Server, Server], target: str) -> None:
    public, _ = servers
    public.routes["/moved"] = (301, {"Location": target}, b"")
    guard = Guard(resolver=Resolver(feed_test=[[PUBLIC]]), policy=only_public)
    fetched = fetch(f"http://feed.test:{public.port}/moved", max_bytes=MAX, allow_private=False, guard=guard)
    assert fetched.error.startswith("Only http:// and https:// URLs are fetched, not ")
    assert public.hits["/moved"] == 1


def test_real_loopback_is_refused_by_default_and_allowed_when_configured(servers: tuple[Server, Server]) -> None:
    public, _ = servers
    url = f"http://127.0.0.1:{public.port}/feed"
    refused = fetch(url, max_bytes=MAX, allow_private=False)
    assert refused.error.startswith("Refused: 127.0.0.1 is a private or loopback address (127.0.0.1)")
    (cli,) = iter_targets([url], max_bytes=MAX, allow_private=False)  # wiredesk ingest URL: the same fetch
    assert cli.error == refused.error
    assert public.hits["/feed"] == 0
    assert fetch(url, max_bytes=MAX, allow_private=True).data == b"<rss>public</rss>"


def _certificate(tmp_path: Path, name: str) -> tuple[Path, Path]:
    """A self-signed certificate for ``name`` made by the openssl command (never skipped)."""
    cert, key = tmp_path / f"{name}.pem", tmp_path / f"{name}.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={name}",
         "-addext", f"subjectAltName=DNS:{name}", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def test_tls_keeps_the_name_for_sni_and_certificate_checks(tmp_path: Path) -> None:
    cert, key = _certificate(tmp_path, "feed.test")
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(cert, key)
    server = Server(PUBLIC, tls=server_tls)
    server.routes["/feed"] = (200, {}, b"<rss>over tls</rss>")
    trust = ssl.create_default_context(cafile=str(cert))
    try:
        resolver = Resolver(feed_test=[[PUBLIC]], other_test=[[PUBLIC]])
        guard = Guard(resolver=resolver, policy=only_public, ssl_context=trust)
        ok = fetch(f"https://feed.test:{server.port}/feed", max_bytes=MAX, allow_private=False, guard=guard)
        assert (ok.status, ok.data) == (200, b"<rss>over tls</rss>")
        assert server.server_names == ["feed.test"]  # SNI names the host, not 127.0.0.1
        # The same address under another name: the certificate does not match it.
        wrong = fetch(f"https://other.test:{server.port}/feed", max_bytes=MAX, allow_private=False, guard=guard)
        assert wrong.status == 0 and "certificate" in wrong.error.lower()
        assert server.hits["/feed"] == 1
    finally:
        server.close()


def test_a_name_that_does_not_resolve_is_an_error_in_words() -> None:
    fetched = fetch("http://nowhere.test/feed", max_bytes=MAX, allow_private=False, guard=Guard(resolver=Resolver()))
    assert fetched.error == "Cannot resolve nowhere.test: nowhere.test is not a test name."


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),  # noqa: S104 - an address under test, not a bind
        ("224.0.0.1", False),  # multicast: is_global says yes, TCP has no business there
        ("::1", False),
        ("fe80::1", False),
        ("fd00::1", False),
        ("::ffff:127.0.0.1", False),  # IPv4-mapped loopback
        ("::ffff:10.0.0.1", False),
    ],
)
def test_which_addresses_are_public(address: str, public: bool) -> None:
    assert is_public(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/", "http:///x"])
def test_only_http_urls_with_a_host_are_fetched(url: str) -> None:
    with pytest.raises(RefusedDestination):
        check_url(url)
    with pytest.raises(RefusedDestination):
        check_destination(url, allow_private=True)
    assert fetch(url, max_bytes=MAX, allow_private=True).error.startswith(("Only http:// and https://", "Not a usable"))
