"""Turn the targets of ``wiredesk ingest`` (files, folders, URLs) into payload bytes.

Folders are walked recursively in name order, skipping hidden files and editors' partial
files. URLs are fetched with httpx: bounded time, bounded size, few redirects, and no
loopback or private-range destination unless ``WIREDESK_ALLOW_PRIVATE_ADDRESSES`` is on.

Does not parse anything; scheduled polling of sources (conditional GET, backoff) is
``wiredesk.sources``' job.
"""

from __future__ import annotations

import base64
import ipaddress
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from wiredesk import __version__
from wiredesk.ingest.exceptions import IngestError

USER_AGENT = f"Wiredesk/{__version__} (+https://github.com/wiredesk; wire ingest)"
SKIP_SUFFIXES = (".tmp", ".part", ".swp", "~")


@dataclass(frozen=True, slots=True)
class Retrieved:
    """Bytes from one place, or the reason they could not be had."""

    origin: str
    data: bytes = b""
    error: str = ""


def iter_targets(targets: list[str], *, max_bytes: int, allow_private: bool) -> Iterator[Retrieved]:
    """Yield every payload named by ``targets``, in order, one ``Retrieved`` each."""
    for target in targets:
        if target.startswith(("http://", "https://")):
            yield fetch_url(target, max_bytes=max_bytes, allow_private=allow_private)
            continue
        path = Path(target)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if not _skipped(file.relative_to(path)):
                    yield read_file(file, max_bytes=max_bytes)
        elif path.exists():
            yield read_file(path, max_bytes=max_bytes)
        else:
            yield Retrieved(origin=target, error="No such file, folder or URL.")


def _skipped(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts) or relative.name.endswith(SKIP_SUFFIXES)


def read_file(path: Path, *, max_bytes: int) -> Retrieved:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Retrieved(
                origin=str(path),
                error=f"The file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit "
                "(WIREDESK_MAX_PAYLOAD_BYTES).",
            )
        return Retrieved(origin=str(path), data=path.read_bytes())
    except OSError as exc:
        return Retrieved(origin=str(path), error=f"Cannot read the file: {exc.strerror or exc}.")


def check_destination(url: str, *, allow_private: bool) -> None:
    """Refuse URLs whose host resolves to loopback, private, link-local or reserved ranges."""
    host = urlsplit(url).hostname
    if not host:
        raise IngestError(f"Not a usable URL: {url}")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror as exc:
        raise IngestError(f"Cannot resolve {host}: {exc.strerror}.") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise IngestError(
                f"Refused: {host} is a private or loopback address ({address}); set "
                "WIREDESK_ALLOW_PRIVATE_ADDRESSES=1 to allow it."
            )


def fetch_url(url: str, *, max_bytes: int, allow_private: bool, timeout: float = 30.0) -> Retrieved:
    """GET ``url`` once; the body, or a plain-language error. Never raises."""
    try:
        check_destination(url, allow_private=allow_private)
        with httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
            for _hop in range(5):
                with client.stream("GET", url) as response:
                    if response.is_redirect and response.next_request is not None:
                        url = str(response.next_request.url)
                        check_destination(url, allow_private=allow_private)
                        continue
                    if response.status_code != 200:
                        return Retrieved(origin=url, error=f"The server answered HTTP {response.status_code}.")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > max_bytes:
                            return Retrieved(origin=url, error=f"The response is over the {max_bytes} byte limit.")
                    return Retrieved(origin=url, data=bytes(body))
            return Retrieved(origin=url, error="Too many redirects (more than 5).")
    except IngestError as exc:
        return Retrieved(origin=url, error=str(exc))
    except httpx.HTTPError as exc:
        return Retrieved(origin=url, error=f"Fetching failed: {exc.__class__.__name__}: {exc}")


LOOP_ERROR = "The server redirects in a loop."
#: Response headers a conditional poll keeps (validators and timing hints), lower-case.
KEPT_HEADERS = ("etag", "last-modified", "cache-control", "expires", "date", "retry-after", "content-type", "link")


@dataclass(frozen=True, slots=True)
class Fetched:
    """One conditional GET: the final status, body and kept headers, or the failure in words.

    ``status`` is 0 when no HTTP answer was had at all (refused destination, timeout, …).
    A 304 has no ``error``; every status other than 200 and 304 has one.
    """

    url: str
    status: int = 0
    data: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    error: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True, slots=True)
class Credentials:
    """How to authenticate to a source: HTTP basic auth or one header carrying a token."""

    username: str = ""
    password: str = ""
    header_name: str = ""
    header_value: str = ""

    def headers(self) -> dict[str, str]:
        if self.header_name and self.header_value:
            return {self.header_name: self.header_value}
        if self.username or self.password:
            token = base64.b64encode(f"{self.username}:{self.password}".encode()).decode("ascii")
            return {"Authorization": f"Basic {token}"}
        return {}


def fetch_conditional(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    credentials: Credentials | None = None,
    max_bytes: int,
    allow_private: bool,
    timeout: float = 20.0,
    max_redirects: int = 5,
) -> Fetched:
    """GET ``url`` with ``If-None-Match``/``If-Modified-Since``; never raises.

    Bounded: ``timeout`` covers the whole exchange (a server dripping bytes slowly is cut
    off too), the body stops at ``max_bytes``, at most ``max_redirects`` redirects are
    followed and a loop is named as one, and every hop's destination is checked like
    :func:`check_destination`. Credentials are only sent to the host first named: a redirect
    to another host does not get them. Does not decide when to poll again (``sources.schedule``).
    """
    conditional = {"If-None-Match": etag} if etag else {}
    if last_modified:
        conditional["If-Modified-Since"] = last_modified
    secret = credentials.headers() if credentials else {}
    origin_host = urlsplit(url).netloc
    deadline = time.monotonic() + timeout
    seen: set[str] = set()
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
            for _hop in range(max_redirects + 1):
                check_destination(url, allow_private=allow_private)
                seen.add(url)
                headers = conditional | (secret if urlsplit(url).netloc == origin_host else {})
                with client.stream("GET", url, headers=headers) as response:
                    kept = {k: response.headers[k] for k in KEPT_HEADERS if k in response.headers}
                    if response.is_redirect and response.next_request is not None:
                        url = str(response.next_request.url)
                        if url in seen:
                            return Fetched(url=url, status=response.status_code, error=LOOP_ERROR)
                        continue
                    if response.status_code == 304:
                        return Fetched(url=url, status=304, headers=kept)
                    if response.status_code != 200:
                        return Fetched(url=url, status=response.status_code, headers=kept,
                                       error=_status_error(response.status_code, kept))  # fmt: skip
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > max_bytes:
                            return Fetched(url=url, status=200, headers=kept,
                                           error=f"The response is over the {_mb(max_bytes)} limit.")  # fmt: skip
                        if time.monotonic() > deadline:
                            raise httpx.ReadTimeout("deadline")
                    return Fetched(url=url, status=200, data=bytes(body), headers=kept)
            return Fetched(url=url, error=f"Too many redirects (more than {max_redirects}).")
    except IngestError as exc:
        return Fetched(url=url, error=str(exc))
    except httpx.TimeoutException:
        return Fetched(url=url, error=f"The server did not answer within {timeout:g} seconds.")
    except httpx.ConnectError as exc:
        return Fetched(url=url, error=f"Could not connect to {urlsplit(url).netloc}: {exc}.")
    except httpx.HTTPError as exc:
        return Fetched(url=url, error=f"Fetching failed: {exc.__class__.__name__}: {exc}")


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n} byte"


def _status_error(status: int, headers: dict[str, str]) -> str:
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "unknown status"
    if status == 429 or (status == 503 and "retry-after" in headers):
        return f"The server asked us to slow down (HTTP {status} {phrase})."
    if status in (401, 403):
        return f"The server refused our credentials (HTTP {status} {phrase})."
    if status in (404, 410):
        return f"The feed is not there (HTTP {status} {phrase})."
    if status >= 500:
        return f"The server had an error (HTTP {status} {phrase})."
    return f"The server answered HTTP {status} {phrase}."
