"""Django settings for Wiredesk. Values come from the environment through ``wiredesk.conf``."""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url

from wiredesk import conf, security

BASE_DIR = Path(__file__).resolve().parent
WIREDESK_HOME = conf.HOME
WIREDESK_SITE_NAME = conf.SITE_NAME
WIREDESK_BASE_URL = conf.BASE_URL
WIREDESK_ALLOW_PRIVATE_ADDRESSES = conf.ALLOW_PRIVATE_ADDRESSES
WIREDESK_MAX_PAYLOAD_BYTES = conf.MAX_PAYLOAD_BYTES
WIREDESK_PURGE_BACKEND = conf.PURGE_BACKEND  # dotted path of a wiredesk.site.purge backend, or ""
WIREDESK_PURGE_URL = conf.PURGE_URL
# Polling sources (wiredesk.sources.schedule.Bounds): no interval below the floor or above
# the ceiling, and failures back off to at most WIREDESK_BACKOFF_CAP. Seconds.
WIREDESK_POLL_MIN_INTERVAL = 60.0
WIREDESK_POLL_MAX_INTERVAL = 6 * 3600.0
WIREDESK_BACKOFF_CAP = 3600.0
WIREDESK_POLL_JITTER = 0.1
WIREDESK_POLL_TIMEOUT = 20.0
WIREDESK_POLL_MAX_REDIRECTS = 5
# A dropped file younger than this is only taken once its size stayed the same over two looks.
WIREDESK_DROP_SETTLE_SECONDS = 2.0
# Background work runs on Django's tasks framework with the django-tasks-db backend, so the
# embedded default (SQLite) needs no extra service; `wiredesk worker` runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Extra periodic background tasks for `wiredesk worker`: {"dotted.path.to.task": seconds}.
# Periodic work beyond polling (dotted path of a task → seconds between runs); the
# worker adds its own (embargo release, WebSub renewal, history pruning).
WIREDESK_PERIODIC_TASKS: dict[str, float] = {
    "wiredesk.enrich.tasks.enrich_stories": 10,
    "wiredesk.stories.tasks.expire_stories": 3600,
}


def _secret_key() -> str:
    """The configured key, or one kept in WIREDESK_HOME so sessions survive restarts."""
    if conf.SECRET_KEY:
        return conf.SECRET_KEY
    path = WIREDESK_HOME / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        key = secrets.token_urlsafe(50)
        WIREDESK_HOME.mkdir(parents=True, exist_ok=True)
        path.write_text(key)
        path.chmod(0o600)
        return key


SECRET_KEY = _secret_key()
DEBUG = conf.DEBUG
# Security, as deployed (docs/security.md): hosts, https, proxy trust and the CSP all follow
# WIREDESK_BASE_URL and WIREDESK_TRUSTED_PROXIES.
ALLOWED_HOSTS = security.allowed_hosts(conf.BASE_URL)
CSRF_TRUSTED_ORIGINS = [security.origin(conf.BASE_URL)]
WIREDESK_TRUSTED_PROXIES = conf.TRUSTED_PROXIES
# Only behind a trusted proxy, and only from it (wiredesk.proxy strips the header otherwise).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if conf.TRUSTED_PROXIES else None
_HTTPS = security.is_https(conf.BASE_URL)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = _HTTPS
SECURE_HSTS_SECONDS = security.HSTS_SECONDS if _HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = _HTTPS
# nginx redirects plain http first; without a proxy nothing here speaks TLS to redirect to.
SECURE_SSL_REDIRECT = _HTTPS and bool(conf.TRUSTED_PROXIES)
SECURE_CSP = security.content_security_policy()
# HSTS preload is a commitment only the domain's owner can make (hstspreload.org): not ours.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "wiredesk.stories",
    "wiredesk.ingest",
    "wiredesk.site",
    "wiredesk.demo",
    "wiredesk.sources",
    "django_tasks_db",
    "wiredesk.desk",
    "wiredesk.api",
    "wiredesk.enrich",
    "wiredesk.routing",
    "wiredesk.wordpress",
]

MIDDLEWARE = [
    "wiredesk.proxy.ForwardedHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # old WordPress permalinks → 301 to the new story URL (only on 404s and "/?p=…")
    "wiredesk.wordpress.middleware.OldPermalinkMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "wiredesk.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]
WSGI_APPLICATION = "wiredesk.wsgi.application"

if conf.DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(conf.DATABASE_URL, conn_max_age=60)}
else:
    WIREDESK_HOME.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(WIREDESK_HOME / "wiredesk.sqlite3"),
            "OPTIONS": {
                # WAL lets readers (the site) run while ingest writes; IMMEDIATE avoids
                # "database is locked" upgrades from read to write transactions.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=20000; PRAGMA temp_store=MEMORY; "
                    "PRAGMA mmap_size=134217728; PRAGMA cache_size=-20000"
                ),
            },
        }
    }

# "pages" is the public site's whole-page cache (wiredesk/site/cache.py): per process by
# default (the embedded server); "file" shares it between processes, "off" disables it.
_PAGE_CACHES = {
    "memory": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "wiredesk-pages"},
    "file": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(WIREDESK_HOME / "cache"),
    },
    "off": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": conf.PAGE_CACHE}
        if conf.PAGE_CACHE.startswith(("redis://", "rediss://"))
        else {**_PAGE_CACHES[conf.PAGE_CACHE], "TIMEOUT": 600, "OPTIONS": {"MAX_ENTRIES": 5000}}
    ),
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LANGUAGE_CODE = "en"
TIME_ZONE = conf.TIME_ZONE
USE_I18N = True
USE_TZ = True
STATIC_URL = "static/"
STATIC_ROOT = WIREDESK_HOME / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Serve app static files straight from the packages too, so `wiredesk serve` works even
# before `collectstatic` has run.
WHITENOISE_USE_FINDERS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {"wiredesk": {"handlers": ["stderr"], "level": "WARNING"}},
}
