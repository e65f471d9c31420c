"""Conformance over the real agency samples in ``../shared/corpus/wire`` (when present).

The files are the agencies' copyright and are never copied into this repository; these
tests read them where they lie and skip when the folder is not beside the checkout. The
table says what each file must yield: a format and a number of stories (with the first
headline and pubstatus), or an error class and the start of its message.
"""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from wiredesk.ingest.detect import parse_payload
from wiredesk.ingest.exceptions import NotATextStory, ParseError
from wiredesk.stories.models import RawPayload, Story, StoryVersion

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
CORPUS = SHARED / "corpus" / "wire"
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/wire is not beside the checkout"),
]

STORIES = {  # file: (format, stories, first headline starts with, first pubstatus)
    "LISTING 1 A NewsML-G2 News Item.xml": ("newsml-g2", 1, 'Fed to halt QE to avert "bubble"', "usable"),
    "aap-1.xml": ("nitf", 1, "F1 Test", "usable"),
    "aap-cyber.xml": ("nitf", 1, "Headline", "usable"),
    "aap-sports.xml": ("nitf", 1, "RL:Ferguson returns at centre", "usable"),
    "aap.xml": ("nitf", 1, "The main stories on today's 1900 ABC TV news", "usable"),
    "ansa_culture.xml": ("newsml-g2", 1, "TEST FROM XAWES", "usable"),
    "ap.xml": ("newsml-g2", 3, "Nutrisystem beats 4Q earnings", "usable"),
    "ninjs1.json": ("ninjs", 1, "headline", "usable"),
    "ninjs2.json": ("ninjs", 1, "Oil prices edge up on first drop", "usable"),
    "ninjsExSimpleText1.json": ("ninjs", 1, "Captain of wrecked cruise ship", "usable"),
    "nitf-fishing.xml": ("nitf", 1, "Weather and Tide Updates for Norfolk", "canceled"),
    "pa1.xml": ("nitf", 1, "PA SPORT TRIVIA (OCTOBER 14)", "usable"),
    "pa2.xml": ("nitf", 1, "1 SOCCER INT-Teams", "usable"),
    "stt1.xml": ("newsml-g2", 1, "Mikko Moilanen siirtyy", "usable"),
    "stt_newsml_location_rich.xml": ("newsml-g2", 1, "Tuhannet rohingya-pakolaiset", "usable"),
    # STT sends items without a headline: the first words of the body stand in
    "stt_newsml_subject_test.xml": ("newsml-g2", 1, "Saatuuu siinä mielessä", "usable"),
    "stt_newsml_test_no_hl.xml": ("newsml-g2", 1, "*** DISCLAIMER", "usable"),
    "tag_reuters.com_2014_newsml_KBN0FL0NN_version_5": ("newsml-g2", 1, "Confident Assad launches", "usable"),
    "text.xml": ("newsml-g2", 1, "Soccer-Smiling Benitez pleads", "usable"),
    "wenn.xml": ("atom", 2, "Suge Knight involved", "usable"),
    # the older wires (issue #15)
    "IPTC7901.txt": ("iptc7901", 1, "Germany Social Democrats: Coalition talks", "usable"),
    "dpa_copyright.txt": ("iptc7901", 1, "Impressum", "usable"),
    "dpa_two_line.txt": ("iptc7901", 1, "Peace talks on Yemen", "usable"),
    "anpa-1.tst": ("anpa1312", 1, "For Argentine chemo patients", "usable"),
    "anpa-2.tst": ("anpa1312", 1, "Prairies vanish in the US push", "usable"),
    "ap_anpa-1.tst": ("anpa1312", 1, "Deng has 30 points", "usable"),
    "ap_anpa-2.tst": ("anpa1312", 1, "Baseball Expanded Standings", "usable"),
    "ap_anpa-3.tst": ("anpa1312", 1, "$210 lobster is found dead", "usable"),
    "afp.xml": ("newsml1", 1, "Sweden court accepts receivership", "usable"),
    # five posts; two pairs share a post id (8, 9), so they are versions of one story
    "wordpress_wxr.xml": ("wxr", 5, "Starafrica to dispose assets", "usable"),
}
REFUSED = {  # file: (error class, message starts with)
    "LISTING 6 Simple NewsML-G2 Package.xml": (NotATextStory, "Not a text story: this is a NewsML-G2 package"),
    "tag_reuters.com_2014_newsml_KBN0FL0NM_version_10": (NotATextStory, "Not a text story"),
    "ninjs3.json": (NotATextStory, "Not a text story: this ninjs item is of type 'picture'"),
    "bbc-ninjs-text-test.json": (NotATextStory, "Not a text story"),
    # AP's sample has an empty doc-id: no identifier means no way to follow updates
    "ap-nitf.xml": (ParseError, "The NITF document has no doc-id"),
}


def corpus_files() -> list[str]:
    return sorted(p.name for p in CORPUS.iterdir() if p.is_file() and p.name != "README.md") if CORPUS.is_dir() else []


def test_the_table_covers_every_file() -> None:
    assert set(corpus_files()) == set(STORIES) | set(REFUSED)


@pytest.mark.parametrize("name", sorted(STORIES))
def test_readable_files(name: str) -> None:
    fmt, count, headline, pubstatus = STORIES[name]
    result = parse_payload((CORPUS / name).read_bytes(), url=str(CORPUS / name))
    assert (result.format, len(result.stories)) == (fmt, count)
    first = result.stories[0]
    assert first.headline.startswith(headline)
    assert first.pubstatus.value == pubstatus
    for story in result.stories:
        assert story.agency_id and story.headline
        assert "<script" not in story.body_html
        for moment in (story.version_created, story.first_created, story.embargoed):
            assert moment is None or moment.tzinfo is not None


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_files(name: str) -> None:
    error_class, message = REFUSED[name]
    with pytest.raises(error_class) as info:
        parse_payload((CORPUS / name).read_bytes(), url=str(CORPUS / name))
    assert str(info.value).startswith(message)


@pytest.mark.django_db
def test_ingest_the_corpus_twice() -> None:
    out = StringIO()
    with pytest.raises(CommandError):  # the refused files make it exit 1, after the others
        call_command("ingest", str(CORPUS), stdout=out)
    first = out.getvalue().splitlines()
    assert sum(line.startswith("quarantined ") for line in first) == len(REFUSED)
    assert sum(not line.startswith("quarantined ") for line in first) == sum(c for _, c, _, _ in STORIES.values())
    counts = Story.objects.count(), StoryVersion.objects.count(), RawPayload.objects.count()
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(CORPUS), stdout=out)
    again = [line for line in out.getvalue().splitlines() if not line.startswith("quarantined ")]
    assert again and all(line.startswith("unchanged ") for line in again)
    assert counts == (Story.objects.count(), StoryVersion.objects.count(), RawPayload.objects.count())
    assert RawPayload.objects.filter(outcome="quarantined").count() == len(REFUSED)


@pytest.mark.django_db
def test_corpus_export_is_valid_ninjs_3_1() -> None:
    import jsonschema

    schema = json.loads((SHARED / "standards/ninjs/specification/ninjs-schema_3.1.json").read_text())
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    with pytest.raises(CommandError):
        call_command("ingest", str(CORPUS), stdout=StringIO())
    out = StringIO()
    call_command("export", "--format", "ninjs", "--all-versions", stdout=out)
    items = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(items) == Story.objects.count() > 0
    for item in items:
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(item)]
        assert not errors, (item["uri"], errors)


def test_ntb_revisions_are_one_story() -> None:
    # NTB's published NITF sample (../shared/standards): doc-id "NTB<uuid>_00" beside du-key
    # version 1 and an NTBID meta holding "NTB<uuid>". The next revision is "_01" / version 2.
    sample = SHARED / "standards" / "nitf" / "iptc-newsinjson_NTB_nitf_sample.xml"
    data = sample.read_bytes()
    ntbid = re.search(rb'content="([^"]+)" name="NTBID"', data)
    assert ntbid and b'id-string="' + ntbid.group(1) + b'_00"' in data and b'version="1"' in data
    first = parse_payload(data, url=str(sample)).stories[0]
    assert (first.agency_id, first.version) == (ntbid.group(1).decode(), "1")
    revision = data.replace(ntbid.group(1) + b"_00", ntbid.group(1) + b"_01").replace(
        b'<du-key key="india-korona-bygd" version="1"/>', b'<du-key key="india-korona-bygd" version="2"/>'
    )
    second = parse_payload(revision, url=str(sample)).stories[0]
    assert (second.agency_id, second.version) == (first.agency_id, "2")
