"""feedparser's own test corpus as a conformance suite for ``feed.parse`` (the reading side).

feedparser's sdist ships ``tests/`` with one small feed per case; each file states what
feedparser must make of it in a comment, ``Expect: <Python expression over the result>``
(``not bozo and entries[0]['title'] == 'Example'``). ``make feedparser-tests`` unpacks the
sdist into ``.venv/feedparser-tests/`` and the Makefile points ``FEEDPARSER_TESTS_DIR``
at its ``tests/`` folder. This module turns those expectations into checks on Wiredesk's
``StoryData``; ``test_feedparser_corpus.py`` runs them.

How an expectation maps onto ``StoryData`` (only the parts naming an entry's title, link,
id, summary/content or date; ``bozo``, feed-level keys and other entry keys are left out):

- ``title`` / ``title_detail['value']`` → ``headline``. feedparser keeps markup in an HTML
  title, Wiredesk keeps plain text: the expected value is turned into plain text by the
  type feedparser itself gives that title (``title_detail['type']``).
- ``summary`` / ``description`` / ``summary_detail['value']`` → ``abstract`` when the
  story has one, else the text of ``body_html`` (feedparser copies content into a missing
  summary; Wiredesk makes the only text the body). ``content[0]['value']`` → the text of
  ``body_html``. Bodies are sanitized HTML in Wiredesk and in feedparser with different
  allowlists, so the two are compared as text (what a reader reads), whitespace collapsed.
- ``link`` → ``link``: Wiredesk keeps absolute http(s) links only, so an expected link that
  is not one maps to ``""``; ``not entries[0].has_key('link')`` maps to ``""`` too.
- ``id`` / ``guid`` → ``agency_id``.
- ``published_parsed`` / ``issued_parsed`` → ``first_created``; ``updated_parsed`` /
  ``modified_parsed`` / ``date_parsed`` → ``version_created`` (both in UTC, to the second).

An entry Wiredesk skips (neither title nor text) is "not applicable" for the checks on it,
as are files in formats Wiredesk does not read. Pure: no database.
"""

from __future__ import annotations

import ast
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any, Final
from urllib.parse import urljoin

import feedparser

from wiredesk.ingest.detect import parse_payload
from wiredesk.ingest.exceptions import ParseError, UnsupportedFormat
from wiredesk.ingest.sanitize import sanitize_body
from wiredesk.ingest.types import ParseResult, StoryData
from wiredesk.text import plain_text

ENV: Final = "FEEDPARSER_TESTS_DIR"
DEFAULT: Final = Path(__file__).resolve().parents[3] / ".venv" / "feedparser-tests" / "tests"
# feedparser's runtests.py serves these folders over http and passes the URL as the address
HTTP_BASE: Final = "http://127.0.0.1:8097/"
KINDS: Final = ("wellformed", "illformed", "encoding", "entities")

_DESCRIPTION: Final = re.compile(rb"Description:\s*(.*?)\s*Expect:\s*(.*)\s*-->")
_FIELDS: Final = {
    ("title",): "title",
    ("title_detail", "value"): "title",
    ("summary",): "summary",
    ("description",): "summary",
    ("summary_detail", "value"): "summary",
    ("content", 0, "value"): "content",
    ("link",): "link",
    ("id",): "id",
    ("guid",): "id",
    ("published_parsed",): "published",
    ("issued_parsed",): "published",
    ("updated_parsed",): "updated",
    ("modified_parsed",): "updated",
    ("date_parsed",): "updated",
}
_LOCATION: Final = re.compile(rb"^Header:\s*Content-Location:\s*(\S+)", re.M | re.I)
_UNTITLED: Final = "has neither a title nor any text"
UNTITLED: Final = "Untitled"
# the start tag of an RSS item or Atom entry (prefixed or not), not an empty element
_ENTRY_START: Final = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?)(?:item|entry)(?:\s[^>]*[^/>])?>")
_DATE_KEYS: Final = frozenset({"published", "updated", "created", "issued", "modified", "date", "expired"})


def folder() -> Path | None:
    """The unpacked ``tests/`` folder: ``$FEEDPARSER_TESTS_DIR``, else the Makefile's place."""
    configured = os.environ.get(ENV)
    if configured:
        return Path(configured)
    return DEFAULT if DEFAULT.is_dir() else None


def files(root: Path, kind: str) -> list[Path]:
    """The ``.xml`` files of one part of the corpus (``wellformed``, ``illformed`` …)."""
    return sorted((root / kind).rglob("*.xml"))


@dataclass(frozen=True, slots=True)
class Check:
    """One comparison drawn from an expectation: entry ``entry``'s ``field`` against ``expected``."""

    entry: int
    field: str
    expected: Any
    equal: bool = True  # False for "!="


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one file: ``passed``, ``failed``, ``not applicable`` or ``crashed``."""

    status: str
    reason: str = ""


def expectation(data: bytes) -> str:
    """The ``Expect:`` expression of a corpus file, or ``""``."""
    match = _DESCRIPTION.search(data)
    return match.group(2).strip().decode("utf-8") if match else ""


def checks(expression: str) -> list[Check] | str:
    """The checks an expectation holds on mapped fields, or why it holds none (a reason)."""
    tree = ast.parse(expression, mode="eval").body
    parts = tree.values if isinstance(tree, ast.BoolOp) and isinstance(tree.op, ast.And) else [tree]
    found: list[Check] = []
    for part in parts:
        found_here = _check(part)
        if found_here is not None:
            found.extend(found_here)
        elif any(_path(node) for node in ast.walk(part)):
            return "expectation shape not mapped (" + ast.unparse(part)[:60] + ")"
    if found:
        return found
    if re.search(r"entries\[\d+\]\[['\"](\w+?)(?:_parsed)?['\"]\]", expression) and any(
        key in expression for key in _DATE_KEYS
    ):
        return "about a date Wiredesk does not keep (raw date strings, created, expired)"
    return "about feed-level or other values, not an entry's title, link, id, text or date"


def _path(node: ast.AST) -> tuple[int, str] | None:
    """``(entry index, field)`` when ``node`` reads a mapped field of ``entries[i]``."""
    keys: list[Any] = []
    while isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        keys.append(node.slice.value)
        node = node.value
    if not (isinstance(node, ast.Name) and node.id == "entries" and keys and isinstance(keys[-1], int)):
        return None
    keys.reverse()
    field = _FIELDS.get(tuple(keys[1:]))
    return (keys[0], field) if field else None


def _check(part: ast.expr) -> list[Check] | None:
    if isinstance(part, ast.UnaryOp) and isinstance(part.op, ast.Not):
        # not entries[0].has_key('link'): the entry has no link
        call = part.operand
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "has_key"
            and isinstance(call.func.value, ast.Subscript)
            and call.args
            and isinstance(call.args[0], ast.Constant)
            and call.args[0].value == "link"
        ):
            entry = _path(ast.Subscript(value=call.func.value, slice=ast.Constant("link")))
            return [Check(entry[0], "link", "")] if entry else None
        return None
    if not (isinstance(part, ast.Compare) and all(isinstance(op, ast.Eq) for op in part.ops)) and not (
        isinstance(part, ast.Compare) and len(part.ops) == 1 and isinstance(part.ops[0], ast.NotEq)
    ):
        return None
    # a == b, a != b, and chains a == b == 'value' (every operand equal to the literal one)
    operands = [part.left, *part.comparators]
    paths = [_path(node) for node in operands]
    literals = [_literal(node) for node, path in zip(operands, paths, strict=True) if path is None]
    if not any(paths) or len(literals) != 1 or literals[0] is _NOT_LITERAL:
        return None
    equal = isinstance(part.ops[0], ast.Eq)
    return [Check(path[0], path[1], literals[0], equal=equal) for path in paths if path]


_NOT_LITERAL: Final = object()


def _literal(node: ast.expr) -> Any:
    """A literal, or a concatenation of string literals (``'a' + 'b'``), else ``_NOT_LITERAL``."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        if isinstance(left, str) and isinstance(right, str):
            return left + right
        return _NOT_LITERAL
    try:
        return ast.literal_eval(node)
    except ValueError:
        return _NOT_LITERAL


def url_for(root: Path, path: Path) -> str:
    """The address feedparser's runner gives a file: an http URL in ``http`` folders, else none.

    A file served with a ``Content-Location`` header (``Header:`` in its comment) has that
    address instead, as feedparser takes it for the document's address.
    """
    relative = path.relative_to(root.parent).as_posix()
    if "http" not in relative:
        return ""
    served = HTTP_BASE + relative
    location = _LOCATION.search(path.read_bytes()[:2048])
    return urljoin(served, location.group(1).decode("ascii", "replace").strip()) if location else served


def read(root: Path, path: Path) -> ParseResult | ParseError:
    """``parse_payload`` of one file; a ``ParseError`` is returned, anything else raised."""
    try:
        return parse_payload(path.read_bytes(), url=url_for(root, path))
    except ParseError as exc:
        return exc


def outcome(root: Path, path: Path) -> Outcome:
    """Check one well-formed file's expectation against Wiredesk's stories."""
    data = path.read_bytes()
    found = checks(expectation(data))
    if isinstance(found, str):
        return Outcome("not applicable", found)
    try:
        result = read(root, path)
    except Exception as exc:  # noqa: BLE001 - a crash is what this reports
        return Outcome("crashed", f"{type(exc).__name__}: {exc}")
    if isinstance(result, UnsupportedFormat):
        return Outcome("not applicable", f"format Wiredesk does not read ({result})")
    if isinstance(result, ParseError) and _UNTITLED in str(result):
        if any(check.field == "title" for check in found):
            return Outcome("not applicable", "the title is empty as plain text and there is no text: not a story")
        # Many files hold entries with only the element under test (an id, a date): not a
        # story for Wiredesk. A title is given to them so the other values can be checked.
        data = _with_titles(data)
        try:
            result = parse_payload(data, url=url_for(root, path))
        except ParseError as exc:
            result = exc
    if isinstance(result, ParseError):
        return Outcome("failed", f"refused: {result}")
    stories = _by_entry(result)
    reference = _feedparser(data, url_for(root, path))
    failures = []
    skipped = []
    for check in found:
        story = stories.get(check.entry)
        if story is None:
            skipped.append(check)
            continue
        ours, theirs = _values(check, story, reference)
        if check.field == "title" and not theirs:
            skipped.append(check)  # an empty title: Wiredesk's headline is then a stand-in
            continue
        if (ours == theirs) != check.equal:
            failures.append(f"{check.field}: expected {theirs!r}, got {ours!r}")
    if failures:
        return Outcome("failed", "; ".join(failures))
    if skipped and len(skipped) == len(found):
        return Outcome("not applicable", "the entry has neither title nor text: not a story")
    return Outcome("passed")


def _with_titles(data: bytes) -> bytes:
    """``data`` with ``<title>Untitled</title>`` at the start of every item and entry."""
    return _ENTRY_START.sub(lambda m: m.group(0) + b"<" + m.group(1) + b"title>" + UNTITLED.encode() + b"</"
                            + m.group(1) + b"title>", data)


def _by_entry(result: ParseResult) -> dict[int, StoryData]:
    skipped = {item.position for item in result.skipped}
    positions = (p for p in range(1, len(result.stories) + len(skipped) + 1) if p not in skipped)
    return {position - 1: story for position, story in zip(positions, result.stories, strict=False)}


def _feedparser(data: bytes, url: str) -> Any:
    headers = {"content-location": url} if url else {}
    return feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=False)


def _text(value: str) -> str:
    return " ".join(value.split())


def _values(check: Check, story: StoryData, reference: Any) -> tuple[Any, Any]:
    """(ours, theirs) for one check, both mapped onto what Wiredesk keeps."""
    expected = check.expected
    if check.field == "title":
        kind = _detail_type(reference, check.entry, "title_detail")
        theirs = _text(expected) if kind == "text/plain" else plain_text(expected)
        return story.headline, theirs
    if check.field in ("summary", "content"):
        kind = _detail_type(reference, check.entry, "summary_detail" if check.field == "summary" else "content")
        theirs = _text(expected) if kind == "text/plain" else plain_text(sanitize_body(expected))
        body = plain_text(story.body_html)
        ours = story.abstract if check.field == "summary" and story.abstract else body
        return _text(ours), theirs
    if check.field == "link":
        return story.link, expected if str(expected).startswith(("http://", "https://")) else ""
    if check.field == "id":
        return story.agency_id, expected
    moment = story.first_created if check.field == "published" else story.version_created
    ours = tuple(moment.astimezone(UTC).timetuple())[:6] if moment else None
    return ours, tuple(expected)[:6] if expected else None


def _detail_type(reference: Any, entry: int, key: str) -> str:
    try:
        detail = reference["entries"][entry][key]
        detail = detail[0] if isinstance(detail, list) else detail
        return str(detail.get("type", "text/html"))
    except (IndexError, KeyError, TypeError):
        return "text/html"


def crashes(root: Path) -> Iterator[tuple[str, str]]:
    """``(file, error)`` for every file of every part whose reading raised anything but ``ParseError``."""
    for kind in KINDS:
        for path in files(root, kind):
            try:
                read(root, path)
            except Exception as exc:  # noqa: BLE001 - a crash is what this reports
                yield path.relative_to(root).as_posix(), f"{type(exc).__name__}: {exc}"
