"""Security as deployed: the settings deploy/ produces, Django's deploy check, nginx's headers.

Settings are read from the environment at import, so the honest test of a configuration
is a fresh process with that environment: the one ``deploy/wiredesk.service`` sets, plus
the secret key it expects from ``/etc/wiredesk.env``.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[1]
SERVICE = ROOT / "deploy/wiredesk.service"
NGINX = ROOT / "deploy/nginx/wiredesk.conf"
GUNICORN = ROOT / "deploy/gunicorn.conf.py"
SETTINGS = [
    "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER", "WIREDESK_TRUSTED_PROXIES",
]  # fmt: skip


def service_environment() -> dict[str, str]:
    """The ``Environment=`` lines of the systemd unit."""
    pairs = re.findall(r"^Environment=(\w+)=(.*)$", SERVICE.read_text(), re.M)
    assert pairs, "no Environment= lines in deploy/wiredesk.service"
    return dict(pairs)


def environment(tmp_path: Path, **values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WIREDESK_", "DJANGO_", "DATABASE_URL"))}
    env.update(values, WIREDESK_HOME=str(tmp_path / "home"))
    return env


def deployed(tmp_path: Path) -> dict[str, str]:
    return environment(tmp_path, **service_environment(), WIREDESK_SECRET_KEY=secrets.token_urlsafe(50))


def wiredesk(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wiredesk", *args], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=120)  # fmt: skip


def settings_of(env: dict[str, str]) -> dict[str, object]:
    code = ("import json, django; django.setup(); from django.conf import settings as s; "
            f"print(json.dumps({{n: getattr(s, n) for n in {SETTINGS!r}}}))")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], env={**env, "DJANGO_SETTINGS_MODULE": "wiredesk.settings"},
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)  # fmt: skip
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_check_deploy_is_clean_with_the_deploy_environment(tmp_path: Path) -> None:
    done = wiredesk(deployed(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert done.returncode == 0, done.stderr + done.stdout
    assert "System check identified no issues" in done.stdout


def test_check_deploy_complains_about_a_plain_http_setup(tmp_path: Path) -> None:
    """The same check fails loudly where it should: the embedded default is not a deployment."""
    env = environment(tmp_path, WIREDESK_SECRET_KEY=secrets.token_urlsafe(50))
    done = wiredesk(env, "check", "--deploy", "--fail-level", "WARNING")
    assert done.returncode != 0
    for check in ("security.W004", "security.W012", "security.W016"):
        assert check in done.stderr


def test_the_deployed_settings_follow_the_https_base_url(tmp_path: Path) -> None:
    values = settings_of(deployed(tmp_path))
    assert values["ALLOWED_HOSTS"] == ["news.example", "127.0.0.1", "localhost", "[::1]"]
    assert values["CSRF_TRUSTED_ORIGINS"] == ["https://news.example"]
    assert values["SESSION_COOKIE_SECURE"] is True and values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600 and values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["WIREDESK_TRUSTED_PROXIES"] == ["127.0.0.1", "::1"]


def test_the_embedded_default_trusts_no_proxy_and_sets_no_https_rules(tmp_path: Path) -> None:
    values = settings_of(environment(tmp_path))
    assert values["ALLOWED_HOSTS"] == ["127.0.0.1", "localhost", "[::1]"]
    assert values["SESSION_COOKIE_SECURE"] is False and values["SECURE_HSTS_SECONDS"] == 0
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_PROXY_SSL_HEADER"] is None and values["WIREDESK_TRUSTED_PROXIES"] == []


@pytest.mark.django_db
def test_a_host_not_named_by_the_base_url_is_refused() -> None:
    assert Client(HTTP_HOST="evil.example").get("/robots.txt").status_code == 400
    assert Client(HTTP_HOST="127.0.0.1:8000").get("/robots.txt").status_code == 200
    assert Client(HTTP_HOST="localhost").get("/robots.txt").status_code == 200


def test_nginx_sets_every_forwarding_header_itself() -> None:
    """nginx overwrites what clients send: the app trusts these headers from it alone."""
    conf = NGINX.read_text()
    server = conf[conf.index("server {"):]
    head = server[: server.index("location ")]
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in head
    assert "proxy_set_header X-Real-IP $remote_addr;" in head
    assert "proxy_set_header X-Forwarded-Proto $wiredesk_proto;" in head
    for header in ("X-Forwarded-Host", "X-Forwarded-Port", "Forwarded"):
        assert f'proxy_set_header {header} "";' in head
    assert "$proxy_add_x_forwarded_for" not in re.sub(r"#.*", "", conf)  # would keep the client's entries
    # nginx drops the server's proxy_set_header lines in a location that has any of its own.
    for location in re.findall(r"location [^{]*\{(.*?)\n    \}", server, re.S):
        assert "proxy_set_header" not in location
    # A purge refresh (plain http from this machine) refreshes the entry https readers get.
    assert "proxy_cache_key $wiredesk_proto$host$request_uri;" in conf
    assert re.search(r'map "\$scheme:\$wiredesk_local" \$wiredesk_proto \{\s*default \$scheme;\s*"http:1" https;', conf)


def test_the_proxies_nginx_and_gunicorn_trust_are_the_apps() -> None:
    trusted = set(service_environment()["WIREDESK_TRUSTED_PROXIES"].split(","))
    geo = re.search(r"geo \$wiredesk_local \{(.*?)\}", NGINX.read_text(), re.S)
    assert geo is not None
    assert trusted == set(re.findall(r"^\s*([0-9a-f.:]+) 1;", geo.group(1), re.M))
    forwarded = re.search(r'^forwarded_allow_ips = "([^"]+)"', GUNICORN.read_text(), re.M)
    assert forwarded is not None and set(forwarded.group(1).split(",")) == trusted
