"""Golden files: every wire sample in ``data/`` next to the ``StoryData`` it must yield.

A sample ``data/NAME`` is paired with ``data/NAME.py``, which defines either
``expected`` (a ``ParseResult``) or ``error`` (an exception class and a phrase its message
must contain). The samples are written by the project; real agency files live in
``../shared/corpus`` and are checked by ``test_corpus.py``.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from wiredesk.ingest.detect import parse_payload

DATA = Path(__file__).parent / "data"
SAMPLES = sorted(p for p in DATA.iterdir() if p.suffix != ".py" and p.with_name(p.name + ".py").exists())


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_parse(sample: Path) -> None:
    spec = runpy.run_path(str(sample.with_name(sample.name + ".py")))
    data = sample.read_bytes()
    if "error" in spec:
        error_class, phrase = spec["error"]
        with pytest.raises(error_class) as info:
            parse_payload(data, url=str(sample))
        assert phrase in str(info.value)
        return
    assert parse_payload(data, url=str(sample)) == spec["expected"]


def test_every_sample_has_expectations() -> None:
    orphans = [p.name for p in DATA.iterdir() if p.suffix != ".py" and p not in SAMPLES]
    assert not orphans, f"samples without a .py expectation: {orphans}"
