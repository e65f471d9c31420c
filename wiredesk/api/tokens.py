"""Making, finding and revoking API tokens; the only code that knows how keys look.

A key is ``wd_`` followed by 40 URL-safe random characters (240 bits). The row keeps the
key's first ``ApiToken.PREFIX_LENGTH`` characters and its SHA-256; a plain hash is enough
because the key is random and long (nothing to brute-force, unlike a password).

Does not decide what a token may do: that is ``auth.py``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from wiredesk.api.models import ApiToken
from wiredesk.stories.models import Agency

KEY_PREFIX = "wd_"
# Writing last_used on every request would turn every GET into a write; a minute is precise
# enough to tell a live integration from a dead one.
LAST_USED_PRECISION = timedelta(minutes=1)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_token(user: Any, name: str, *, agency: Agency | None = None) -> tuple[ApiToken, str]:
    """A new token of ``user`` and its raw key, which is not stored anywhere: show it once."""
    key = KEY_PREFIX + secrets.token_urlsafe(30)
    token = ApiToken.objects.create(
        user=user, name=name, agency=agency, prefix=key[: ApiToken.PREFIX_LENGTH], key_hash=hash_key(key)
    )
    return token, key


def find_token(key: str) -> ApiToken | None:
    """The live (not revoked) token whose key is ``key``, with its user; ``None`` otherwise.

    Marks the token used. Compares hashes in constant time.
    """
    if not key.startswith(KEY_PREFIX) or len(key) > 200:
        return None
    digest = hash_key(key)
    candidates = ApiToken.objects.filter(prefix=key[: ApiToken.PREFIX_LENGTH], revoked__isnull=True)
    for token in candidates.select_related("user", "agency"):
        if hmac.compare_digest(token.key_hash, digest):
            _mark_used(token)
            return token
    return None


def _mark_used(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used is None or now - token.last_used >= LAST_USED_PRECISION:
        token.last_used = now
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)


def revoke_token(token: ApiToken) -> ApiToken:
    """Revoke ``token`` for good (kept for the record); revoking twice changes nothing."""
    if token.revoked is None:
        token.revoked = timezone.now()
        token.save(update_fields=["revoked"])
    return token


def tokens_of(username: str | None = None) -> QuerySet[ApiToken]:
    tokens = ApiToken.objects.select_related("user", "agency")
    return tokens.filter(user__username=username) if username else tokens
