"""The ``wiredesk`` console script: Django's management commands under one name.

``wiredesk migrate``, ``wiredesk ingest …``, ``wiredesk story show …`` and every other
command are Django management commands; this wrapper only points Django at Wiredesk's
settings, and ends quietly when the reader of its output goes away (``wiredesk export |
head``, ``wiredesk story show … | head``).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wiredesk.settings")
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["wiredesk", *(sys.argv[1:] if argv is None else argv)])
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader is gone. Python flushes stdout again on the way out and would print a
        # second BrokenPipeError then: point stdout at /dev/null first (the recipe of
        # docs.python.org/3/library/signal.html, "Note on SIGPIPE").
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
