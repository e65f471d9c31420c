"""Every setting Wiredesk reads from the environment, read in one place.

Documented in the README's configuration tables; ``tests/test_docs.py`` checks the two agree.
Only reads and parses: what the values mean for Django is ``settings.py``'s business.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in TRUE_WORDS


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_list(name: str) -> tuple[str, ...]:
    """A list given as words separated by commas and/or spaces; empty when unset."""
    return tuple(word for word in os.environ.get(name, "").replace(",", " ").split() if word)


def env_networks(name: str) -> tuple[str, ...]:
    """A list of IP addresses or networks; a word that is neither stops the program at once."""
    words = env_list(name)
    for word in words:
        try:
            ipaddress.ip_network(word, strict=False)
        except ValueError as exc:
            raise ValueError(f"{name}: {word!r} is not an IP address or network.") from exc
    return words


HOME = Path(os.environ.get("WIREDESK_HOME") or "./var").resolve()
DATABASE_URL = os.environ.get("DATABASE_URL", "").strip()
SITE_NAME = os.environ.get("WIREDESK_SITE_NAME", "").strip() or "Wiredesk"
BASE_URL = (os.environ.get("WIREDESK_BASE_URL", "").strip() or "http://127.0.0.1:8000").rstrip("/")
TIME_ZONE = os.environ.get("WIREDESK_TIME_ZONE", "").strip() or "UTC"
SECRET_KEY = os.environ.get("WIREDESK_SECRET_KEY", "").strip()
DEBUG = env_bool("WIREDESK_DEBUG")
ALLOW_PRIVATE_ADDRESSES = env_bool("WIREDESK_ALLOW_PRIVATE_ADDRESSES")
MAX_PAYLOAD_BYTES = env_int("WIREDESK_MAX_PAYLOAD_BYTES", 64 * 1024 * 1024)
PAGE_CACHE = os.environ.get("WIREDESK_PAGE_CACHE", "").strip() or "memory"
PURGE_BACKEND = os.environ.get("WIREDESK_PURGE_BACKEND", "").strip()
PURGE_URL = os.environ.get("WIREDESK_PURGE_URL", "").strip()
# Addresses or networks of the reverse proxies in front of the app (deploy/: nginx on loopback).
# Only requests from them may say who the client is (X-Forwarded-For) and that it used https
# (X-Forwarded-Proto); empty means no proxy: the peer address is the client. docs/security.md.
TRUSTED_PROXIES = env_networks("WIREDESK_TRUSTED_PROXIES")
