"""``wiredesk serve [--host 127.0.0.1] [--port 8000]``: the site, desk and API, embedded.

Runs gunicorn in this process with a few threads — a real server, not Django's development
one — on the SQLite default. Migrates first, so a fresh ``WIREDESK_HOME`` just works.
Production setups put nginx in front (see ``deploy/``).
"""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


def run_server(host: str, port: int, *, workers: int = 1, threads: int = 8) -> None:
    """Serve ``wiredesk.wsgi`` with gunicorn until interrupted."""
    from gunicorn.app.base import BaseApplication

    from wiredesk.wsgi import application

    class _Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", threads)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("accesslog", None)
            self.cfg.set("graceful_timeout", 5)

        def load(self) -> Any:
            return application

    _Server().run()


class Command(BaseCommand):
    help = "Serve the site, desk and API."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", verbosity=0)
        call_command("collectstatic", verbosity=0, interactive=False)
        self.stdout.write(f"Wiredesk on http://{options['host']}:{options['port']}/ (Ctrl-C stops it)")
        run_server(options["host"], options["port"], threads=options["threads"])
