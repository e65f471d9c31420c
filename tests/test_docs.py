"""Contract tests: what others rely on is documented, and what is documented exists.

The README and docs/ name commands, settings, make targets and other documents; people
copy them. Each test reads the text as a newcomer would and checks the thing named is
real: a documented command line parses, a documented variable is read, a cited file exists.
"""

from __future__ import annotations

import itertools
import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", ROOT / "deploy/README.md", *sorted((ROOT / "docs").glob("*.md"))]
ENV_NAME = re.compile(r"\b((?:WIREDESK|DATABASE)_[A-Z_]+)\b")
# Variables a document may name that Wiredesk itself does not read (they belong to tools).
NOT_OURS = frozenset({"DATABASE_URL_TEST"})


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _shell_blocks(text: str) -> Iterator[str]:
    for block in re.findall(r"```(?:sh|bash|shell|console)\n(.*?)```", text, re.S):
        yield from block.splitlines()


def _documented_command_lines() -> list[tuple[str, str]]:
    """``(document, line)`` for every ``wiredesk …`` line of a shell block in the docs."""
    found = []
    for path in DOCS:
        for line in _shell_blocks(_text(path)):
            # the command itself: no comment, no redirection or pipe after it
            line = re.split(r"\s+(?:#|>|\|)\s", line)[0].strip()
            if line.startswith("wiredesk "):
                found.append((path.relative_to(ROOT).as_posix(), line))
    return found


def _variants(line: str) -> Iterator[list[str]]:
    """The argument lists a documented line stands for: ``a|b`` alternatives, ``[optional]`` parts."""
    words = shlex.split(line.replace("[", " ").replace("]", " "))[1:]
    choices = [word.split("|") if "|" in word and not word.startswith("-") else [word] for word in words]
    for combination in itertools.product(*choices):
        yield list(combination)


def test_every_environment_variable_is_documented() -> None:
    conf = _text(ROOT / "wiredesk/conf.py")
    readme = _text(ROOT / "README.md")
    names = set(ENV_NAME.findall(conf))
    assert names, "conf.py reads no environment variables?"
    missing = sorted(n for n in names if f"`{n}`" not in readme)
    assert not missing, f"not in the README's configuration table: {missing}"


def test_every_documented_variable_is_read() -> None:
    """Each ``WIREDESK_*`` a document names is an environment variable or a Django setting."""
    readers = [ROOT / "wiredesk/conf.py", *sorted((ROOT / "deploy").glob("*.py"))]
    read = {name for path in readers for name in ENV_NAME.findall(_text(path))}
    read |= set(re.findall(r"^(WIREDESK_[A-Z_]+)\b.*=", _text(ROOT / "wiredesk/settings.py"), re.M))
    for path in DOCS:
        named = {n for n in re.findall(r"`((?:WIREDESK|DATABASE)_[A-Z_]+)`", _text(path))} - NOT_OURS
        unknown = sorted(named - read)
        assert not unknown, f"{path.relative_to(ROOT)} documents variables nothing reads: {unknown}"


def test_readme_names_the_two_setup_commands() -> None:
    readme = _text(ROOT / "README.md")
    assert "`make demo`" in readme and "`make test`" in readme


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in _text(ROOT / ".ci/run")


def test_documented_make_targets_exist() -> None:
    makefile = _text(ROOT / "Makefile")
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, re.M))
    for path in DOCS:
        for target in re.findall(r"`make ([a-z][\w-]*)", _text(path)):
            assert target in targets, f"{path.name} names `make {target}`, which the Makefile lacks"


def test_cited_documents_exist() -> None:
    sources = [*DOCS, *sorted((ROOT / "wiredesk").rglob("*.py"))]
    for path in sources:
        for cited in re.findall(r"\b((?:docs|deploy|bench)/[\w./-]+\.(?:md|py|conf|service))\b", _text(path)):
            assert (ROOT / cited).exists(), f"{path.relative_to(ROOT)} cites {cited}, which does not exist"


def test_documented_commands_exist() -> None:
    lines = _documented_command_lines()
    assert len(lines) > 15, "the README's command list went missing?"
    commands = get_commands()
    for document, line in lines:
        name = shlex.split(line)[1]
        assert name in commands, f"{document}: `{line}` names no command {name!r}"


@pytest.mark.parametrize(("document", "line"), _documented_command_lines())
def test_documented_command_lines_parse(document: str, line: str) -> None:
    """Every documented way of calling a command is accepted by its argument parser."""
    name = shlex.split(line)[1]
    command = load_command_class(get_commands()[name], name)
    for arguments in _variants(line):
        parser = command.create_parser("wiredesk", name)
        try:
            parser.parse_args(arguments[1:])
        except SystemExit as exc:  # argparse's way of refusing
            raise AssertionError(f"{document}: `wiredesk {' '.join(arguments)}` is refused") from exc


def test_no_citation_of_a_document_outside_the_repository() -> None:
    """The team's design document lives beside the repository, not in it: cite docs/ instead."""
    sources = [*DOCS, *sorted((ROOT / "wiredesk").rglob("*.py")), *sorted((ROOT / "tests").glob("*.py"))]
    for path in sources:
        if path == Path(__file__):
            continue
        assert not re.search(r"(?<![\w/.-])design\.md", _text(path)), f"{path.relative_to(ROOT)} cites design.md"
