"""Turn the targets of ``wiredesk ingest`` (files, folders, URLs) into payload bytes.

Folders are walked recursively in name order, skipping hidden files and editors' partial
files; a symbolic link is followed only to a file inside the folder, never to a folder
(issue #11: a link dropped in a folder must not read /etc).

URLs are fetched with httpx: bounded time, bounded size, few redirects, and no loopback
or private-range destination unless ``WIREDESK_ALLOW_PRIVATE_ADDRESSES`` is on —
checked where the connection is made (``netguard``), so DNS rebinding cannot slip past.

Does not parse anything; scheduled polling of sources (conditional GET, backoff) is
``wiredesk.sources``' job.
"""

from __future__ import annotations

import base64
import os
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from wiredesk import __version__
from wiredesk.ingest.exceptions import IngestError
from wiredesk.ingest.netguard import Guard, check_url

USER_AGENT = f"Wiredesk/{__version__} (+https://github.com/wiredesk; wire ingest)"
SKIP_SUFFIXES = (".tmp", ".part", ".swp", "~")
HEAD_BYTES = 64 * 1024
"""What is read of a file too large to take: the archive keeps it in the file's record."""


@dataclass(frozen=True, slots=True)
class Retrieved:
    """Bytes from one place, or the reason they could not be had.

    ``size`` is set, with an ``error``, when there is a payload that could not be read
    whole (a file over the limit, or unreadable): the archive keeps a record of it, with
    ``head``, what was read of it.
    """

    origin: str
    data: bytes = b""
    error: str = ""
    size: int | None = None
    head: bytes = b""


def iter_targets(targets: list[str], *, max_bytes: int, allow_private: bool) -> Iterator[Retrieved]:
    """Yield every payload named by ``targets``, in order, one ``Retrieved`` each."""
    for target in targets:
        if target.startswith(("http://", "https://")):
            yield fetch_url(target, max_bytes=max_bytes, allow_private=allow_private)
            continue
        path = Path(target)
        if path.is_dir():
            for file in walk_files(path):
                yield read_file(file, max_bytes=max_bytes, root=path)
        elif path.exists():
            yield read_file(path, max_bytes=max_bytes)
        else:
            yield Retrieved(origin=target, error="No such file, folder or URL.")


def walk_files(root: Path, *, exclude: frozenset[str] = frozenset()) -> list[Path]:
    """The files under ``root``, recursively, in name order, as paths under ``root``.

    Hidden files and folders and editors' partial files (``SKIP_SUFFIXES``) are left out,
    and so are the top-level folders named in ``exclude``. Symbolic links to folders are not
    followed (``os.walk`` without ``followlinks``); links to files are listed, for
    ``read_file(…, root=root)`` to refuse the ones that lead outside.
    """
    found: list[Path] = []
    for folder, folders, names in os.walk(root):
        here = Path(folder)
        folders[:] = [n for n in folders if not n.startswith(".") and not (here == root and n in exclude)]
        for name in names:
            path = here / name
            if not name.startswith(".") and not name.endswith(SKIP_SUFFIXES) and path.is_file():
                found.append(path)
    return sorted(found)


def read_file(path: Path, *, max_bytes: int, root: Path | None = None) -> Retrieved:
    """The bytes of the regular file at ``path``, or why not; never raises.

    With ``root`` (a folder being walked), a symbolic link is followed only to a file inside
    ``root``, and the file is opened without following a link swapped in since (``O_NOFOLLOW``;
    a folder swapped for a link in between is not caught). A file over ``max_bytes`` is not
    read: its first ``HEAD_BYTES`` (at most ``max_bytes``) and its size come back with the
    error, as the size does for a file that exists but cannot be read (``Retrieved.size``).
    """
    origin = str(path)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)  # NONBLOCK: a FIFO must not hang us
    try:
        if root is not None:
            target = path.resolve(strict=True)
            if not target.is_relative_to(root.resolve()):
                return Retrieved(origin=origin, error="Refused: a symbolic link to a file outside the folder.")
            path, flags = target, flags | getattr(os, "O_NOFOLLOW", 0)
        with open(os.open(path, flags), "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode):
                return Retrieved(origin=origin, error="Not a regular file.")
            head = min(HEAD_BYTES, max_bytes)
            data = file.read(max_bytes + 1) if info.st_size <= max_bytes else file.read(head)
            if len(data) > max_bytes or info.st_size > max_bytes:  # the file may grow while it is read
                size = max(info.st_size, len(data))
                return Retrieved(origin=origin, size=size, head=data[:head],
                                 error=f"The file is {_mb(size)}, over the {_mb(max_bytes)} limit "
                                 "(WIREDESK_MAX_PAYLOAD_BYTES).")  # fmt: skip
            return Retrieved(origin=origin, data=data)
    except (OSError, RuntimeError) as exc:  # RuntimeError: Path.resolve meeting a link loop (Python < 3.13)
        try:
            size_seen: int | None = path.stat().st_size  # a file is there, unreadable: it gets a record
        except OSError:
            size_seen = None  # gone, or never there: nothing to keep
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return Retrieved(origin=origin, error=f"Cannot read the file: {reason}.", size=size_seen)


def check_destination(url: str, *, allow_private: bool) -> None:
    """Refuse non-http(s) URLs, and hosts that resolve to loopback, private, link-local or
    reserved ranges. An early answer for people adding a source: fetching checks again
    where it connects (``netguard``), whatever the name resolves to by then."""
    check_url(url)
    if not allow_private:
        Guard().check(url)


def fetch_url(
    url: str, *, max_bytes: int, allow_private: bool, timeout: float = 30.0, guard: Guard | None = None
) -> Retrieved:
    """GET ``url`` once; the body, or a plain-language error. Never raises.

    ``guard`` (tests) replaces the default one made from ``allow_private``.
    """
    guard = guard or Guard(allow_private=allow_private)
    try:
        with guard.client(timeout=timeout, headers={"User-Agent": USER_AGENT}) as client:
            for _hop in range(5):
                check_url(url)
                with client.stream("GET", url) as response:
                    if response.is_redirect and response.next_request is not None:
                        url = str(response.next_request.url)
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
    guard: Guard | None = None,
) -> Fetched:
    """GET ``url`` with ``If-None-Match``/``If-Modified-Since``; never raises.

    Bounded: ``timeout`` covers the whole exchange (a server dripping bytes slowly is cut
    off too), the body stops at ``max_bytes``, at most ``max_redirects`` redirects are
    followed and a loop is named as one, and every hop's destination is checked like
    :func:`check_destination`, where the connection is made. Credentials are only sent to
    the host first named: a redirect to another host does not get them. ``guard`` (tests)
    replaces the default one made from ``allow_private``. Does not decide when to poll again
    (``sources.schedule``).
    """
    conditional = {"If-None-Match": etag} if etag else {}
    if last_modified:
        conditional["If-Modified-Since"] = last_modified
    secret = credentials.headers() if credentials else {}
    origin_host = urlsplit(url).netloc
    deadline = time.monotonic() + timeout
    seen: set[str] = set()
    guard = guard or Guard(allow_private=allow_private)
    try:
        with guard.client(timeout=timeout, headers={"User-Agent": USER_AGENT}) as client:
            for _hop in range(max_redirects + 1):
                check_url(url)
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
