"""The ``wiredesk`` console script: Django's management commands under one name.

``wiredesk migrate``, ``wiredesk ingest …``, ``wiredesk story show …`` and every other
command are Django management commands; this wrapper only points Django at Wiredesk's
settings.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wiredesk.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["wiredesk", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
