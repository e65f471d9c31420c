"""The import-linter contracts in pyproject.toml hold, and break on the imports they forbid.

Each case copies the package's modules and pyproject.toml into a temporary folder, adds one
import that crosses a boundary (docs/architecture.md, "Boundaries") and runs ``lint-imports``
there, as ``make lint`` does: the contract named must be reported broken. The untouched copy
must pass, and so must a test module that imports anything.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of pyproject.toml and of every module of ``wiredesk`` (no data, no templates)."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for source in (ROOT / "wiredesk").rglob("*.py"):
        target = tmp_path / source.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return tmp_path


def lint(project: Path) -> subprocess.CompletedProcess[str]:
    # PYTHONPATH first: grimp must read the copy, not the installed (editable) package.
    env = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"], cwd=project, env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip


def add_import(project: Path, module: str, statement: str) -> None:
    path = project / (module.replace(".", "/") + ".py")
    assert path.exists(), module
    path.write_text(path.read_text() + f"\n{statement}  # crosses a boundary\n")


def test_the_project_keeps_its_contracts(project: Path) -> None:
    result = lint(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_tests_may_import_anything(project: Path) -> None:
    add_import(project, "wiredesk.ingest.tests.test_decide", "import wiredesk.site.views")
    result = lint(project)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "statement", "broken"),
    [
        ("wiredesk.ingest.formats.nitf", "import django.db", "Pure layers (parsers, decider, text)"),
        ("wiredesk.ingest.decide", "from wiredesk.stories import models", "Pure layers (parsers, decider, text)"),
        ("wiredesk.text", "import django.utils.html", "Pure layers (parsers, decider, text)"),
        ("wiredesk.ingest.formats.feed", "import httpx", "Pure layers (parsers, decider, text)"),
        ("wiredesk.stories.licence", "import wiredesk.site.links", "The stories core knows nothing"),
        ("wiredesk.stories.models", "import wiredesk.enrich.models", "The stories core knows nothing"),
        # the imports issue #12 found: site → ingest.sanitize, enrich → site, routing → desk
        ("wiredesk.site.search_index", "import wiredesk.ingest.sanitize", "The public site never imports"),
        ("wiredesk.site.views", "import wiredesk.sources.models", "The public site never imports"),
        ("wiredesk.enrich.ninjs", "import wiredesk.site.links", "Each part imports only parts below it"),
        ("wiredesk.routing.services", "import wiredesk.desk.access", "Each part imports only parts below it"),
        ("wiredesk.desk.views", "import wiredesk.api.read", "Each part imports only parts below it"),
        ("wiredesk.sources.services", "import wiredesk.enrich.services", "Each part imports only parts below it"),
        ("wiredesk.site.views", "import wiredesk.ingest.store", "Only the ingest pipeline writes stories"),
        ("wiredesk.conf", "import wiredesk.stories.models", "Neutral modules"),
    ],
)
def test_a_crossing_import_breaks_its_contract(project: Path, module: str, statement: str, broken: str) -> None:
    add_import(project, module, statement)
    result = lint(project)
    assert result.returncode == 1, result.stdout + result.stderr
    report = " ".join(result.stdout.split())  # contract names may wrap
    assert f"{broken}" in report and "BROKEN" in report
    broken_section = report.split("Broken contracts", 1)[1]
    assert broken in broken_section and module in broken_section
