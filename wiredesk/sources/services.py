"""Changes of a source's configuration, shared by ``wiredesk source add`` and the desk.

``clean_address`` is the one check of what an admin typed as a source's address; the desk's
form and the CLI both call it. It does not poll the source, and it does not store anything.
``kind_of_address`` tells a feed URL from a folder for the CLI: anything with a URL scheme
other than http(s) (``file:``, ``ftp:``, ``gopher:`` …) is refused, never taken for a folder.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

from wiredesk.exceptions import WiredeskError
from wiredesk.ingest.exceptions import IngestError
from wiredesk.ingest.retrieve import check_destination
from wiredesk.sources.models import Source


class SourceConfigError(WiredeskError):
    """A source's configuration cannot be used (bad address, refused destination …)."""


# RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":".
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
FEED_SCHEMES = ("http", "https")


def url_scheme(address: str) -> str:
    """The lower-cased URL scheme ``address`` starts with, or ``""`` for a plain path."""
    found = _SCHEME.match(address.strip())
    return found.group(1).lower() if found else ""


def kind_of_address(address: str) -> str:
    """``Source.Kind.HTTP`` for an http(s) URL, ``Source.Kind.FOLDER`` for a path.

    Raises ``SourceConfigError`` for any other URL scheme: ``file:///srv/x`` or
    ``ftp://host/`` must not quietly become a folder of that name.
    """
    scheme = url_scheme(address)
    if not scheme:
        return Source.Kind.FOLDER
    if scheme in FEED_SCHEMES:
        return Source.Kind.HTTP
    raise SourceConfigError(
        f"{scheme}: addresses cannot be sources: give an http:// or https:// feed URL, or a local "
        f"folder (for a folder whose name has a colon, write ./{address.strip()})."
    )


def clean_address(kind: str, address: str, *, create_folder: bool = True) -> str:
    """The address to store for a source of ``kind``, or ``SourceConfigError`` in words.

    HTTP and WebSub feeds need an http(s) URL whose host is not private (unless
    ``WIREDESK_ALLOW_PRIVATE_ADDRESSES`` is on, as for polling); drop folders become an
    absolute path, created when missing; push endpoints have no address.
    """
    address = address.strip()
    if kind == Source.Kind.PUSH:
        return ""
    if kind in (Source.Kind.HTTP, Source.Kind.WEBSUB):
        if url_scheme(address) not in FEED_SCHEMES:
            raise SourceConfigError("A feed address must start with http:// or https://.")
        try:
            check_destination(address, allow_private=settings.WIREDESK_ALLOW_PRIVATE_ADDRESSES)
        except IngestError as exc:
            raise SourceConfigError(str(exc)) from exc
        return address
    if kind == Source.Kind.FOLDER:
        if not address:
            raise SourceConfigError("Give the drop folder's path.")
        if kind_of_address(address) != Source.Kind.FOLDER:  # refuses file:, ftp: … itself
            raise SourceConfigError("A drop folder is a path on this machine, not a URL.")
        path = Path(address).expanduser().resolve()
        if create_folder:
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise SourceConfigError(f"Cannot create the folder {path}: {exc.strerror or exc}.") from exc
        return str(path)
    raise SourceConfigError(f"Unknown kind of source: {kind!r}.")


def set_enabled(source: Source, enabled: bool) -> Source:
    """Switch polling of ``source`` on or off; a re-enabled source is due at once."""
    source.enabled = enabled
    if enabled:
        source.next_poll_at = None
    source.save(update_fields=["enabled", "next_poll_at"])
    return source
