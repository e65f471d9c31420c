"""Contract tests: what others rely on is documented."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_environment_variable_is_documented() -> None:
    conf = (ROOT / "wiredesk/conf.py").read_text()
    readme = (ROOT / "README.md").read_text()
    names = set(re.findall(r"\b((?:WIREDESK|DATABASE)_[A-Z_]+)\b", conf))
    assert names, "conf.py reads no environment variables?"
    missing = sorted(n for n in names if f"`{n}`" not in readme)
    assert not missing, f"not in the README's configuration table: {missing}"


def test_readme_names_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "`make demo`" in readme and "`make test`" in readme


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci/run").read_text()
