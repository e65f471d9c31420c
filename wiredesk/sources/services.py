"""Changes of a source's configuration, shared by ``wiredesk source add`` and the desk.

``clean_address`` is the one check of what an admin typed as a source's address; the desk's
form and the CLI both call it. It does not poll the source, and it does not store anything.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from wiredesk.exceptions import WiredeskError
from wiredesk.ingest.exceptions import IngestError
from wiredesk.ingest.retrieve import check_destination
from wiredesk.sources.models import Source


class SourceConfigError(WiredeskError):
    """A source's configuration cannot be used (bad address, refused destination …)."""


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
        if not address.startswith(("http://", "https://")):
            raise SourceConfigError("A feed address must start with http:// or https://.")
        try:
            check_destination(address, allow_private=settings.WIREDESK_ALLOW_PRIVATE_ADDRESSES)
        except IngestError as exc:
            raise SourceConfigError(str(exc)) from exc
        return address
    if kind == Source.Kind.FOLDER:
        if not address:
            raise SourceConfigError("Give the drop folder's path.")
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
