"""The one HTTP fetcher (``retrieve.fetch``) and ``wiredesk ingest URL``, against real servers on loopback.

Every caller's needs in one place: the CLI's plain GET, polling's conditional GET (validators,
304, ``Retry-After``, credentials), WebSub's form POST; and what all of them get — the size
cap, redirect limits and loops, the honest User-Agent, and one time limit for the whole
exchange, which a server dripping its headers or body byte by byte cannot stretch. The SSRF
guard's own tests are in ``test_netguard.py``.
"""

from __future__ import annotations

import base64
import socket
import threading
import time
from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from wiredesk.ingest.retrieve import USER_AGENT, Credentials, fetch, iter_targets
from wiredesk.ingest.tests.factories import nitf, rss
from wiredesk.ingest.tests.loopback import PUBLIC, Server
from wiredesk.stories.models import Agency, RawPayload, Story

MAX = 1_000_000
FEED = rss([("urn:acme:1", "Harbour reopens")])


@pytest.fixture
def server() -> Iterator[Server]:
    running = Server(PUBLIC)
    try:
        yield running
    finally:
        running.close()


def url(server: Server, path: str) -> str:
    return f"http://{PUBLIC}:{server.port}{path}"


class DripServer:
    """A raw HTTP server on 127.0.0.1: to every request, ``head`` at once, then ``drip`` one byte
    every ``pause`` seconds — the slow answer a per-read timeout never ends."""

    def __init__(self, head: bytes, drip: bytes, pause: float) -> None:
        self.head, self.drip, self.pause = head, drip, pause
        self.listener = socket.create_server((PUBLIC, 0))
        self.port = self.listener.getsockname()[1]
        self.closed = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.closed.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            with conn:
                try:
                    request = b""
                    while b"\r\n\r\n" not in request:
                        chunk = conn.recv(65536)
                        if not chunk:
                            break
                        request += chunk
                    conn.sendall(self.head)
                    for byte in self.drip:
                        if self.closed.is_set():
                            return
                        conn.sendall(bytes([byte]))
                        time.sleep(self.pause)
                except OSError:
                    pass  # the client gave up: that is the point

    def close(self) -> None:
        self.closed.set()
        self.listener.close()


# --- wiredesk ingest URL (iter_targets) --------------------------------------------------------


@pytest.mark.django_db
def test_ingest_a_url_through_a_redirect(server: Server, settings) -> None:  # type: ignore[no-untyped-def]
    settings.WIREDESK_ALLOW_PRIVATE_ADDRESSES = True
    Agency.objects.create(slug="acme", name="Acme Wire Service")
    server.routes["/old"] = (301, {"Location": "/wire.xml"}, b"")
    server.routes["/wire.xml"] = (200, {"Content-Type": "application/xml"}, nitf("ACME-URL", headline="Ferry resumes"))
    out = StringIO()
    call_command("ingest", "--agency", "acme", url(server, "/old"), stdout=out)
    assert out.getvalue().splitlines() == ["new ACME-URL Ferry resumes"]
    assert RawPayload.objects.get().origin == url(server, "/wire.xml")  # the final URL, as before
    assert [(m, p) for m, p, _, _ in server.requests] == [("GET", "/old"), ("GET", "/wire.xml")]
    assert all(headers["User-Agent"] == USER_AGENT for _, _, headers, _ in server.requests)


@pytest.mark.django_db
def test_a_url_that_fails_is_reported_in_words_and_the_rest_is_taken(server: Server, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings.WIREDESK_ALLOW_PRIVATE_ADDRESSES = True
    (tmp_path / "good.xml").write_bytes(nitf("ACME-2"))
    out = StringIO()
    with pytest.raises(CommandError) as info:
        call_command("ingest", url(server, "/gone"), str(tmp_path / "good.xml"), stdout=out)
    assert info.value.returncode == 1
    first, second = out.getvalue().splitlines()
    assert first == f"quarantined {url(server, '/gone')} The feed is not there (HTTP 404 Not Found)."
    assert second.startswith("new ACME-2 ")
    assert Story.objects.get().wire_id == "ACME-2"


def test_iter_targets_caps_the_size_and_refuses_private_addresses(server: Server) -> None:
    server.routes["/big"] = (200, {}, b"x" * 5000)
    (big,) = iter_targets([url(server, "/big")], max_bytes=1000, allow_private=True)
    assert (big.data, big.error) == (b"", "The response is over the 1000 byte limit.")
    (refused,) = iter_targets([url(server, "/big")], max_bytes=MAX, allow_private=False)
    assert refused.error.startswith(f"Refused: {PUBLIC} is a private or loopback address")
    assert server.hits["/big"] == 1


def test_a_304_is_an_error_unless_the_caller_asked_conditionally(server: Server) -> None:
    server.routes["/feed"] = (304, {"ETag": '"v1"'}, b"")
    (plain,) = iter_targets([url(server, "/feed")], max_bytes=MAX, allow_private=True)
    assert plain.error == "The server answered HTTP 304 Not Modified."
    polled = fetch(url(server, "/feed"), etag='"v1"', accept=(200, 304), max_bytes=MAX, allow_private=True)
    assert polled.not_modified and not polled.error and polled.headers["etag"] == '"v1"'


# --- polling's needs ---------------------------------------------------------------------------


def test_conditional_get_sends_the_validators_and_keeps_the_timing_headers(server: Server) -> None:
    server.routes["/feed"] = (200, {"ETag": '"v2"', "Cache-Control": "max-age=60", "X-Other": "no"}, FEED)
    got = fetch(url(server, "/feed"), etag='"v1"', last_modified="Thu, 22 Jan 2026 11:08:00 GMT",
                accept=(200, 304), max_bytes=MAX, allow_private=True)  # fmt: skip
    assert (got.status, got.data, got.error) == (200, FEED, "")
    assert (got.headers["etag"], got.headers["cache-control"]) == ('"v2"', "max-age=60")
    assert "x-other" not in got.headers  # only validators and timing hints are kept
    _, _, headers, _ = server.requests[-1]
    assert headers["If-None-Match"] == '"v1"' and headers["If-Modified-Since"] == "Thu, 22 Jan 2026 11:08:00 GMT"


def test_slow_down_answers_keep_retry_after(server: Server) -> None:
    server.routes["/feed"] = (429, {"Retry-After": "120"}, b"slow down")
    got = fetch(url(server, "/feed"), max_bytes=MAX, allow_private=True)
    assert (got.status, got.data) == (429, b"")
    assert got.error == "The server asked us to slow down (HTTP 429 Too Many Requests)."
    assert got.headers["retry-after"] == "120"


def test_credentials_go_to_the_first_host_only(server: Server) -> None:
    elsewhere = Server(PUBLIC)  # another port: another host as far as credentials go
    try:
        elsewhere.routes["/feed"] = (200, {}, FEED)
        server.routes["/feed"] = (302, {"Location": url(elsewhere, "/feed")}, b"")
        got = fetch(url(server, "/feed"), credentials=Credentials(username="desk", password="s3cret"),
                    max_bytes=MAX, allow_private=True)  # fmt: skip
        assert got.data == FEED
        (_, _, first, _), (_, _, second, _) = server.requests[-1], elsewhere.requests[-1]
        assert first["Authorization"] == "Basic " + base64.b64encode(b"desk:s3cret").decode()
        assert "Authorization" not in second
        header = fetch(url(elsewhere, "/feed"), credentials=Credentials(header_name="X-Api-Key", header_value="k"),
                       max_bytes=MAX, allow_private=True)  # fmt: skip
        assert header.data == FEED and elsewhere.requests[-1][2]["X-Api-Key"] == "k"
    finally:
        elsewhere.close()


def test_redirect_loops_and_limits(server: Server) -> None:
    server.routes["/a"] = (302, {"Location": "/b"}, b"")
    server.routes["/b"] = (301, {"Location": "/a"}, b"")
    loop = fetch(url(server, "/a"), max_bytes=MAX, allow_private=True)
    assert (loop.status, loop.error) == (301, "The server redirects in a loop.")
    for i in range(4):
        server.routes[f"/r{i}"] = (302, {"Location": f"/r{i + 1}"}, b"")
    server.routes["/r4"] = (200, {}, FEED)
    assert fetch(url(server, "/r0"), max_bytes=MAX, allow_private=True).data == FEED  # 4 redirects
    limited = fetch(url(server, "/r0"), max_redirects=3, max_bytes=MAX, allow_private=True)
    assert (limited.status, limited.error) == (0, "Too many redirects (more than 3).")


# --- WebSub's form POST ------------------------------------------------------------------------


def test_a_form_is_posted_once_and_a_redirect_is_its_answer(server: Server) -> None:
    server.routes["/hub"] = (202, {}, b"")
    got = fetch(url(server, "/hub"), form={"hub.mode": "subscribe", "hub.secret": "s"}, accept=(202, 204),
                max_bytes=MAX, allow_private=True)  # fmt: skip
    assert (got.status, got.error) == (202, "")
    method, _, headers, body = server.requests[-1]
    assert (method, body) == ("POST", b"hub.mode=subscribe&hub.secret=s")
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    server.routes["/moved"] = (307, {"Location": "/hub"}, b"")
    moved = fetch(url(server, "/moved"), form={"hub.secret": "s"}, accept=(202,), max_bytes=MAX, allow_private=True)
    assert moved.status == 307 and moved.error == "The server answered HTTP 307 Temporary Redirect."
    assert server.hits["/hub"] == 1  # the secret was not posted again


# --- one time limit for the whole exchange ----------------------------------------------------


@pytest.mark.parametrize(
    ("head", "drip"),
    [
        (b"HTTP/1.1 200 OK\r\n", b"X-Slow: " + b"a" * 100),  # headers, a byte at a time
        (b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", b"b" * 100),  # the body, a byte at a time
    ],
    ids=["headers", "body"],
)
def test_a_dripping_server_is_cut_off_at_the_deadline(head: bytes, drip: bytes) -> None:
    dripping = DripServer(head, drip, pause=0.1)  # 10 s to finish; every read gets a byte in 0.1 s
    try:
        started = time.monotonic()
        got = fetch(f"http://{PUBLIC}:{dripping.port}/feed", timeout=0.5, max_bytes=MAX, allow_private=True)
        elapsed = time.monotonic() - started
    finally:
        dripping.close()
    assert (got.status, got.data) == (0, b"")
    assert got.error == "The server did not answer within 0.5 seconds."
    assert elapsed < 3.0


def test_the_deadline_covers_every_redirect_hop() -> None:
    """Two hops that each answer within the timeout, but not both: the second is cut off."""
    slow_ok = DripServer(b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n", b"feed", pause=0.175)
    redirect = DripServer(f"HTTP/1.1 302 Found\r\nLocation: http://{PUBLIC}:{slow_ok.port}/\r\n".encode(),
                          b"X-Pad: xxxxxxx\r\nContent-Length: 0\r\n\r\n", pause=0.02)  # fmt: skip
    try:
        alone = fetch(f"http://{PUBLIC}:{slow_ok.port}/", timeout=1.2, max_bytes=MAX, allow_private=True)
        assert alone.data == b"feed"  # about 0.7 s on its own, as the redirect is
        both = fetch(f"http://{PUBLIC}:{redirect.port}/", timeout=1.2, max_bytes=MAX, allow_private=True)
        assert both.error == "The server did not answer within 1.2 seconds."
    finally:
        slow_ok.close()
        redirect.close()
