"""Turn files, folders and URLs into payload bytes: ``wiredesk ingest``'s targets, and the
one HTTP fetcher for every server other people name (:func:`fetch`).

Folders are walked recursively in name order, skipping hidden files and editors' partial
files; a symbolic link is followed only to a file inside the folder, never to a folder
(issue #11: a link dropped in a folder must not read /etc).

URLs are fetched with httpx by :func:`fetch` — for ``wiredesk ingest URL``, for polling
sources (conditional GET) and for WebSub subscriptions alike (issue #12: there used to be
one fetcher per caller): bounded time for the whole exchange, bounded size, few
redirects, an honest ``User-Agent``, and no loopback or private-range destination unless
``WIREDESK_ALLOW_PRIVATE_ADDRESSES`` is on — checked where the connection is made
(``netguard``), so DNS rebinding cannot slip past.

Does not parse anything; when to poll a source again (backoff, ``Retry-After``) is
``wiredesk.sources.schedule``'s job.
"""

from __future__ import annotations

import base64
import os
import stat
import time
from collections.abc import Collection, Iterator, Mapping
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
URL_TIMEOUT = 30.0
"""Seconds ``wiredesk ingest URL`` allows one URL's whole exchange (polling: ``WIREDESK_POLL_TIMEOUT``)."""


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
            fetched = fetch(target, max_bytes=max_bytes, allow_private=allow_private, timeout=URL_TIMEOUT)
            yield Retrieved(origin=fetched.url, data=fetched.data, error=fetched.error)
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


LOOP_ERROR = "The server redirects in a loop."
#: Response headers a fetch keeps (validators and timing hints), lower-case.
KEPT_HEADERS = ("etag", "last-modified", "cache-control", "expires", "date", "retry-after", "content-type", "link")


@dataclass(frozen=True, slots=True)
class Fetched:
    """One fetch: the final status, body and kept headers, or the failure in words.

    ``status`` is 0 when no HTTP answer was had at all (refused destination, timeout, …).
    A status the caller did not ``accept`` comes with an ``error`` and no body.
    """

    url: str
    status: int = 0
    data: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    error: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304 and not self.error


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


def fetch(
    url: str,
    *,
    max_bytes: int,
    allow_private: bool,
    timeout: float = 20.0,
    max_redirects: int = 5,
    etag: str = "",
    last_modified: str = "",
    credentials: Credentials | None = None,
    form: Mapping[str, str] | None = None,
    accept: Collection[int] = (200,),
    guard: Guard | None = None,
) -> Fetched:
    """GET ``url`` (or POST ``form`` to it); the answer, or a plain-language error. Never raises.

    The one way Wiredesk reaches a server someone else named: ``wiredesk ingest URL``,
    polling (a conditional GET: ``etag``/``last_modified``, ``accept=(200, 304)``) and
    WebSub subscriptions (``form``, ``accept=(202, 204)``) all come here. (The purge of
    Wiredesk's own nginx, ``site.purge.nginx``, is not such a request and does not.)

    Bounded: ``timeout`` covers the whole exchange, redirects included (a server dripping
    its headers or body slowly is cut off too: ``netguard`` ends every read by the
    deadline); the body stops at ``max_bytes``; at most ``max_redirects`` redirects are
    followed, and a loop is named as one; every hop's URL must be http(s) and its address
    is checked where the connection is made (``netguard``; private ranges only with
    ``allow_private``). Credentials go only to the host first named. A form is posted once:
    a redirect is its answer, never followed (a WebSub form holds the subscription's
    secret). The honest ``USER_AGENT`` goes everywhere. ``guard`` (tests) replaces the
    default one made from ``allow_private``.

    Reads the body of ``accept``-ed statuses only. Does not decide when to poll again
    (``sources.schedule``) and does not parse anything.
    """
    conditional = {"If-None-Match": etag} if etag else {}
    if last_modified:
        conditional["If-Modified-Since"] = last_modified
    secret = credentials.headers() if credentials else {}
    origin_host, method = urlsplit(url).netloc, "GET" if form is None else "POST"
    seen: set[str] = set()
    guard = guard or Guard(allow_private=allow_private)
    deadline = time.monotonic() + timeout
    try:
        with guard.client(timeout=timeout, deadline=deadline, headers={"User-Agent": USER_AGENT}) as client:
            for _hop in range(max_redirects + 1):
                check_url(url)
                seen.add(url)
                headers = conditional | (secret if urlsplit(url).netloc == origin_host else {})
                with client.stream(method, url, headers=headers, data=form) as response:
                    kept = {k: response.headers[k] for k in KEPT_HEADERS if k in response.headers}
                    status = response.status_code
                    if response.is_redirect and response.next_request is not None and form is None:
                        url = str(response.next_request.url)
                        if url in seen:
                            return Fetched(url=url, status=status, error=LOOP_ERROR)
                        continue
                    if status not in accept:
                        return Fetched(url=url, status=status, headers=kept, error=_status_error(status, kept))
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > max_bytes:
                            return Fetched(url=url, status=status, headers=kept,
                                           error=f"The response is over the {_mb(max_bytes)} limit.")  # fmt: skip
                    return Fetched(url=url, status=status, data=bytes(body), headers=kept)
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
