"""Security settings made from ``WIREDESK_BASE_URL``: allowed hosts, origin, and the CSP.

``settings.py`` calls these at import time, so this module imports nothing of Django but
``django.utils.csp`` (plain constants). docs/security.md explains every choice.

The Content-Security-Policy is the same on every response, on purpose: the public site's
pages are kept whole by the app's page cache and by nginx and served to many readers, so
a per-request nonce would be replayed to everybody. The site's two inline assets (its
stylesheet and its small script) are allowed by their SHA-256 hashes instead, computed here
from the very text :func:`inline_asset` puts into the page. Pages that are never cached
(Django's admin, its CSRF failure page) may use Django's nonce for ``<style>``: the
middleware only adds a nonce to the header on a response whose template used one.

Does not set any header itself (``SecurityMiddleware`` and Django's
``ContentSecurityPolicyMiddleware`` do), and does not decide whether a request came
through a trusted proxy (``wiredesk.proxy``).
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from django.utils.csp import CSP

PACKAGE = Path(__file__).resolve().parent
#: The assets a template may inline, by name (``{% inline_asset "site/site.css" %}``), and
#: where they live. Only these are allowed by hash; anything else inline is refused by the CSP.
INLINE_ASSETS: dict[str, Path] = {
    "site/site.css": PACKAGE / "site" / "static" / "site" / "site.css",
    "site/site.js": PACKAGE / "site" / "static" / "site" / "site.js",
}
#: Hosts every configuration accepts besides the base URL's: the embedded server
#: (``wiredesk serve``), health checks on the machine itself. IPv6 hosts are bracketed.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")
HSTS_SECONDS = 365 * 24 * 3600


def is_https(base_url: str) -> bool:
    return urlsplit(base_url).scheme.lower() == "https"


def origin(base_url: str) -> str:
    """``scheme://host[:port]`` of the base URL (what browsers send as ``Origin``)."""
    parts = urlsplit(base_url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def allowed_hosts(base_url: str) -> list[str]:
    """The base URL's host, then :data:`LOCAL_HOSTS`; without duplicates, ports left out.

    Django compares ``Host`` without its port, and an IPv6 host keeps its brackets.
    """
    host = (urlsplit(base_url).hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    return list(dict.fromkeys([h for h in (host, *LOCAL_HOSTS) if h]))


@cache
def inline_asset(name: str) -> str:
    """The text of an inlinable asset, safe inside ``<style>``/``<script>``: ``</`` is escaped.

    Raises ``KeyError`` for a name not in :data:`INLINE_ASSETS`: an inline asset without a
    hash in the policy would be blocked by every browser, so it must not render at all.
    """
    return INLINE_ASSETS[name].read_text(encoding="utf-8").replace("</", "<\\/")


def source_hash(text: str) -> str:
    """The CSP hash source (``'sha256-…'``) of an inline element's exact text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _hashes(suffix: str) -> list[str]:
    return [source_hash(inline_asset(name)) for name in INLINE_ASSETS if name.endswith(suffix)]


def content_security_policy() -> dict[str, list[str]]:
    """``SECURE_CSP``: one strict policy for every page (site, desk, admin, API, errors).

    - nothing from other origins runs or styles the page; no ``'unsafe-inline'``, no eval;
    - images may come from anywhere over http(s): agency bodies show the agency's pictures;
    - no plugins, no ``<base>``, forms post only to this site, no framing by anyone.
    """
    return {
        "default-src": [CSP.SELF],
        "script-src": [CSP.SELF, *_hashes(".js")],
        "style-src": [CSP.SELF, *_hashes(".css"), CSP.NONCE],
        "img-src": [CSP.SELF, "https:", "http:"],
        "object-src": [CSP.NONE],
        "base-uri": [CSP.NONE],
        "form-action": [CSP.SELF],
        "frame-ancestors": [CSP.NONE],
    }
