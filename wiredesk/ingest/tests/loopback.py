"""Loopback stand-ins for the internet, for SSRF tests: servers, a resolver, a policy.

127.0.0.1 plays a public address (``only_public`` allows it) and 127.0.0.2 an internal
service; both are real servers. ``Resolver`` answers names the way a test tells it to,
differently from one lookup to the next if asked (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import ssl
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from wiredesk.ingest.netguard import Address

PUBLIC, INTERNAL = "127.0.0.1", "127.0.0.2"


class Server:
    """A real HTTP(S) server on one loopback address: scripted answers, counted and kept requests.

    ``requests`` holds ``(method, path, headers, body)`` of every request, in order.
    """

    def __init__(self, host: str, port: int = 0, *, tls: ssl.SSLContext | None = None) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, str, dict[str, str], bytes]] = []
        self.server_names: list[str | None] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                server.hits[self.path] += 1
                server.requests.append((self.command, self.path, dict(self.headers.items()), body))
                status, headers, body = server.routes.get(self.path, (404, {}, b"not here"))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer((host, port), Handler)
        self.httpd.daemon_threads = True
        if tls is not None:
            tls.sni_callback = lambda sock, name, ctx: self.server_names.append(name)  # type: ignore[assignment,misc,func-returns-value]
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class Resolver:
    """Answers ``answers[name]``: the first list on the first lookup, the last one after."""

    def __init__(self, **answers: list[list[str]]) -> None:
        self.answers = {name.replace("_", "."): lists for name, lists in answers.items()}
        self.lookups: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        seen = self.lookups.count(host)
        self.lookups.append(host)
        lists = self.answers.get(host)
        if lists is None:
            raise OSError(f"{host} is not a test name")
        return lists[min(seen, len(lists) - 1)]


def only_public(address: Address) -> bool:
    """The test policy: 127.0.0.1 plays a public address; everything else is refused."""
    return address == ipaddress.ip_address(PUBLIC)
