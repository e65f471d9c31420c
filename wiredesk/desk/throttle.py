"""The login throttle: 5 failed logins for one username from one address in 15 minutes,
then that pair is refused with 429 until the window has passed. The desk's login and
Django admin's (``/admin/login/``) share it (``desk/auth.py``): failures at either count.

Failures are rows of ``LoginFailure`` rather than cache entries, so the limit holds across
server processes and restarts without configuring a shared cache. A successful login clears
the pair's failures. Does not lock accounts: other addresses can still log in, so an
attacker cannot lock an editor out of the desk by guessing from elsewhere.

The address is the client's, not the proxy's: behind ``deploy/nginx`` (a trusted proxy,
``WIREDESK_TRUSTED_PROXIES``) it is the one nginx names; from anyone else
``X-Forwarded-For`` is ignored (``wiredesk.proxy.client_address``), so a client cannot move
its failures onto another address by writing the header.
"""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone

from wiredesk.desk.models import LoginFailure
from wiredesk.proxy import client_address

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address; ``X-Forwarded-For`` counts only from a trusted proxy."""
    return client_address(request)


def _key(request: HttpRequest, username: str) -> dict[str, object]:
    return {"username": username.strip().casefold()[:150], "ip": client_ip(request)}


def is_throttled(request: HttpRequest, username: str) -> bool:
    """Whether this username, from this address, has failed too often lately."""
    since = timezone.now() - WINDOW
    return LoginFailure.objects.filter(**_key(request, username), created__gt=since).count() >= MAX_FAILURES


def record_failure(request: HttpRequest, username: str) -> None:
    now = timezone.now()
    LoginFailure.objects.create(**_key(request, username), created=now)
    # Keep the table small: failures older than the window no longer count for anyone.
    LoginFailure.objects.filter(created__lte=now - WINDOW).delete()


def clear_failures(request: HttpRequest, username: str) -> None:
    LoginFailure.objects.filter(**_key(request, username)).delete()
