"""Turn the targets of ``wiredesk ingest`` (files, folders, URLs) into payload bytes.

Folders are walked recursively in name order, skipping hidden files and editors' partial
files. URLs are fetched with httpx: bounded time, bounded size, few redirects, and no
loopback or private-range destination unless ``WIREDESK_ALLOW_PRIVATE_ADDRESSES`` is on.

Does not parse anything; scheduled polling of sources (conditional GET, backoff) is
``wiredesk.sources``' job.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from dataclasses import dataclass
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
