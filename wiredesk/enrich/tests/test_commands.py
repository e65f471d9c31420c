"""``wiredesk vocab load`` and ``wiredesk enrich``."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from wiredesk.enrich.models import Enrichment, Topic
from wiredesk.enrich.tests.corpus import TEHRAN_BODY
from wiredesk.enrich.tests.factories import agency, story

pytestmark = pytest.mark.django_db

FULL = Path(__file__).resolve().parents[4] / "shared" / "standards" / "mediatopics" / "mediatopics-2019.json"


def test_shipped_upper_levels_are_loaded_by_the_migration() -> None:
    assert Topic.objects.filter(broader="").count() == 17
    assert Topic.objects.get(qcode="medtop:20000053").label == "act of terror"


@pytest.mark.skipif(not FULL.exists(), reason="the IPTC vocabulary copy in ../shared/standards is not checked out")
def test_vocab_load_the_full_iptc_vocabulary() -> None:
    out = StringIO()
    call_command("vocab", "load", str(FULL), stdout=out)
    assert Topic.objects.count() == 1286
    assert "topics added" in out.getvalue()
    again = StringIO()
    call_command("vocab", "load", str(FULL), stdout=again)
    assert "0 topics added, 0 updated" in again.getvalue()


def test_vocab_load_refuses_other_files(tmp_path: Path) -> None:
    bad = tmp_path / "x.json"
    bad.write_text('{"hello": 1}')
    with pytest.raises(CommandError, match="not an IPTC vocabulary"):
        call_command("vocab", "load", str(bad))
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("vocab", "load", str(tmp_path / "missing.json"))


def test_enrich_command() -> None:
    story(agency("ians"), "IANS-1", "Kerman blasts", TEHRAN_BODY)
    out = StringIO()
    call_command("enrich", stdout=out)
    assert out.getvalue().strip() == "enriched 1 stories"
    assert Enrichment.objects.count() == 1
    out = StringIO()
    call_command("enrich", stdout=out)
    assert out.getvalue().strip() == "enriched 0 stories"
    call_command("enrich", "--all", stdout=out)
    assert "enriched 1 stories" in out.getvalue()
