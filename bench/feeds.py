"""Benchmark the RSS/Atom readers on the feeds of the demo wire, against a bare lxml parse.

Run from the project root::

    .venv/bin/python bench/feeds.py [--stories 5000] [--seed 1] [--rounds 5] [--url URL] [--before DIR]
    .venv/bin/python bench/feeds.py --corpus .venv/feedparser-tests/tests [--before DIR]

It generates the demo corpus (``wiredesk.demo.wire.generate_wire``), keeps its RSS and Atom
payloads (with ``--corpus``: the well-formed RSS and Atom files of feedparser's test corpus
instead, one small feed per case, many of the shapes the old fast path left to
feedparser), and times, in one run, each reader over all of them (best of ``--rounds``):

- bare parse: ``lxml.etree.fromstring`` of every feed — the baseline every ratio is against;
- feedparser: ``feedparser.parse`` (its public API) mapped onto the same stories
  (``wiredesk.ingest.tests.feedparser_reference``), as Wiredesk read feeds before issue #12;
- lxml reader: ``formats.feed.parse``, what Wiredesk reads feeds with now;
- with ``--before DIR``: ``formats.feed.parse`` of another checkout (for issue #12, commit
  94e8482: its lxml fast path that replayed feedparser, with feedparser behind it), run in
  a child process on the same bytes, with a bare parse of its own for its ratio.

``--url`` is the address the feeds are read from (default: each payload's name, as
``bench/ingest.py`` passes it; an http URL makes every reader resolve relative links).
Rates are stories per second (a feed with 30 items counts 30; a payload a reader refuses
counts nothing and costs its time). Pure: no database.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FEEDS = ("rss", "atom")

# Run by the child process in --before DIR: times that checkout's feed.parse on the payloads.
_CHILD = """
import gc, json, pickle, sys, time
from lxml import etree
from wiredesk.ingest.formats import feed
payloads, url, rounds = pickle.load(open(sys.argv[1], "rb"))
def best(run):
    times = []
    for _ in range(rounds):
        gc.collect()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)
def read(data, name):
    try:
        return feed.parse(data, url=url or name).stories
    except Exception:
        return ()
def bare_parse(data):
    try:
        etree.fromstring(data)
    except etree.XMLSyntaxError:
        pass
stories = sum(len(read(data, name)) for name, data in payloads)
bare = best(lambda: [bare_parse(data) for _, data in payloads])
parse = best(lambda: [read(data, name) for name, data in payloads])
print(json.dumps({"stories": stories, "bare": bare, "parse": parse}))
"""


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=5000, help="stories of the demo wire (default 5000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the demo wire (default 1)")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds per reader, best counts (default 5)")
    parser.add_argument("--url", default="", help="address the feeds are read from (default: the payload's name)")
    parser.add_argument("--before", type=Path, help="another checkout whose feed.parse is timed too")
    parser.add_argument("--corpus", type=Path, help="feedparser's tests/ folder: its well-formed feeds instead")
    return parser.parse_args(argv)


def _best(run: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        gc.collect()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def _row(label: str, stories: int, seconds: float, bare: float) -> str:
    return f"| {label:<46} | {stories:>7} | {seconds:>7.3f} | {stories / seconds:>9,.0f} | {bare / seconds:>5.3f} |"


def _before(checkout: Path, payloads: list[tuple[str, bytes]], url: str, rounds: int) -> dict[str, float]:
    with tempfile.NamedTemporaryFile(suffix=".pickle", delete=False) as handle:
        pickle.dump((payloads, url, rounds), handle)
    try:
        env = {**os.environ, "PYTHONPATH": str(checkout)}
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, handle.name], cwd=checkout, env=env, capture_output=True, text=True,
            check=True,
        )  # fmt: skip
    finally:
        os.unlink(handle.name)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _bare_parse(data: bytes) -> None:
    from lxml import etree

    try:
        etree.fromstring(data)
    except etree.XMLSyntaxError:
        pass  # not well-formed, or refused: timed as far as lxml goes


def _corpus_feeds(tests: Path) -> list[tuple[str, bytes]]:
    from wiredesk.ingest.detect import detect_format
    from wiredesk.ingest.exceptions import ParseError

    found = []
    for path in sorted((tests / "wellformed").rglob("*.xml")):
        data = path.read_bytes()
        try:
            if detect_format(data) in FEEDS and b"<!ENTITY" not in data:
                found.append(("", data))
        except ParseError:
            continue
    return found


def main(argv: list[str] | None = None) -> int:
    """Time the readers and print the table."""
    args = _arguments(argv)
    sys.path.insert(0, str(ROOT))
    from wiredesk.demo.wire import generate_wire
    from wiredesk.ingest.exceptions import ParseError
    from wiredesk.ingest.formats import feed
    from wiredesk.ingest.tests.feedparser_reference import parse_with_feedparser
    from wiredesk.ingest.types import ParseResult

    if args.corpus is not None:
        payloads = _corpus_feeds(args.corpus)
        source = f"feedparser's corpus ({args.corpus}): {len(payloads)} well-formed RSS/Atom files"
    else:
        payloads = [(p.name, p.data) for p in generate_wire(args.stories, seed=args.seed) if p.format in FEEDS]
        source = f"demo wire: {args.stories} stories, seed {args.seed}: {len(payloads)} RSS/Atom payloads"
    url = args.url

    def stories_of(parse: Callable[[bytes, str], ParseResult], data: bytes, name: str) -> int:
        try:
            return len(parse(data, url or name).stories)
        except ParseError:
            return 0

    def read_all(parse: Callable[[bytes, str], ParseResult]) -> Callable[[], None]:
        return lambda: [stories_of(parse, data, name) for name, data in payloads] and None

    def lxml_reader(data: bytes, name: str) -> ParseResult:
        return feed.parse(data, url=name)

    stories = sum(stories_of(lxml_reader, data, name) for name, data in payloads)
    reference = sum(stories_of(parse_with_feedparser, data, name) for name, data in payloads)
    size = sum(len(data) for _, data in payloads)
    print(f"{source}, {stories} stories, {size / 1e6:.1f} MB; url {url or '(payload name)'}; best of {args.rounds}")
    if reference != stories:
        print(f"note: feedparser reads {reference} stories from them")

    bare = _best(lambda: [_bare_parse(data) for _, data in payloads] and None, args.rounds)
    lxml_seconds = _best(read_all(lxml_reader), args.rounds)
    feedparser_seconds = _best(read_all(parse_with_feedparser), args.rounds)
    print()
    print(f"| {'reader':<46} | stories | seconds | stories/s | ratio to bare |")
    print(f"|{'-' * 48}|---------|---------|-----------|-------|")
    print(_row("bare parse (lxml.etree.fromstring)", stories, bare, bare))
    print(_row("(a) feedparser.parse + mapping", stories, feedparser_seconds, bare))
    if args.before is not None:
        before = _before(args.before, payloads, url, args.rounds)
        print(_row(f"(b) feed.parse of --before ({args.before.name})", int(before["stories"]), before["parse"],
                   before["bare"]))  # fmt: skip
    print(_row("(c) lxml reader (this checkout)", stories, lxml_seconds, bare))
    print()
    print(f"lxml reader / feedparser: {feedparser_seconds / lxml_seconds:.1f}x faster")
    if args.before is not None:
        own = before["stories"] / before["bare"]
        print(f"(b) ratio against its own bare parse in the child process ({own:,.0f} stories/s)")
        print(f"lxml reader / before: {before['parse'] / before['stories'] * stories / lxml_seconds:.2f}x as fast")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
