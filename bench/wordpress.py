"""Benchmark ``wiredesk import wordpress`` on a generated export, against a bare iterparse of it.

Run from the project root::

    .venv/bin/python bench/wordpress.py [--posts 10000] [--runs 1] [--database-url URL]

Writes an export with ``wiredesk.wordpress.tests.factories.write_export`` (the permalink
structures, syndicated posts, featured images and drafts the tests use), then measures in
one process, on a fresh SQLite ``WIREDESK_HOME`` (or the given, empty, database):

- bare iterparse: ``lxml.etree.iterparse`` over the file, each item cleared — the floor;
- import: ``WordPressImport.run()`` as the command runs it (stream, adaptor, ingest pipeline,
  import records and old paths), after ``wiredesk.runtime.settle()``;
- import again: the same file, where every post is already imported.

Rates are posts per second. Does not change any project file.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setup(database_url: str) -> Path:
    home = Path(tempfile.mkdtemp(prefix="wiredesk-bench-wp-"))
    os.environ["WIREDESK_HOME"] = str(home)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "wiredesk.settings"
    os.environ.pop("WIREDESK_DEBUG", None)
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    return home


def _bare_iterparse(path: Path) -> int:
    from lxml import etree

    items = 0
    for _, element in etree.iterparse(str(path), events=("end",), tag="item", huge_tree=True):
        items += 1
        element.clear()
        while element.getprevious() is not None:
            del element.getparent()[0]
    return items


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args(argv)
    home = _setup(args.database_url)
    try:
        from wiredesk import runtime
        from wiredesk.stories.models import Agency
        from wiredesk.wordpress.importer import WordPressImport
        from wiredesk.wordpress.tests.factories import write_export

        export = write_export(home / "export.xml", args.posts)
        print(f"export: {args.posts} posts, {export.stat().st_size / 1e6:.1f} MB")
        start = time.perf_counter()
        items = _bare_iterparse(export)
        bare = time.perf_counter() - start
        print(f"bare iterparse: {items} items in {bare:.2f} s = {args.posts / bare:,.0f} posts/s")
        runtime.settle()
        own = Agency.objects.create(slug="herald", name="Harbour Herald", own=True)
        for label in ("import", "import again"):
            summary = WordPressImport(path=export, own_agency=own).run()
            rate = summary.counts["posts"] / summary.seconds
            print(f"{label}: {summary.seconds:.2f} s = {rate:,.0f} posts/s ({rate * bare / args.posts:.3f} of bare)")
            for line in summary.lines(dry_run=False)[1:3]:
                print(f"  {line}")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
