"""feedparser's own test corpus as a conformance suite (see ``feedparser_corpus`` for the mapping).

``make test`` unpacks the corpus (``make feedparser-tests``) and sets
``FEEDPARSER_TESTS_DIR``; then a missing or incomplete corpus fails. A plain
``pytest`` without that variable skips, saying how to get the corpus, unless it is
already unpacked where the Makefile puts it.

Every well-formed file whose expectation names an entry's title, link, id, text or date
must agree with Wiredesk's ``StoryData``, except the files in ``DIFFERS``, each with the
reason Wiredesk reads it otherwise on purpose; no file of any part may crash the parser
(a clean ``ParseError`` is fine). And every file of every part must give the stories
``feedparser.parse`` gives (``feedparser_reference``; the rules of ``test_feed_rules.py``
aside), except the files in ``DEPARTS``, each with its reason. The counts are the table in
docs/formats.md. Pure: no database.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Final

import pytest

from wiredesk.ingest.detect import detect_format
from wiredesk.ingest.exceptions import ParseError
from wiredesk.ingest.tests import feedparser_corpus as corpus
from wiredesk.ingest.tests.feedparser_reference import assert_as_feedparser_read_it

FORMATS_MD: Final = Path(__file__).resolve().parents[3] / "docs" / "formats.md"

_CRAZY: Final = (
    "feedparser's sanitizer keeps code a browser never shows (the text of <script> and of a document's "
    "<title> inside the markup); Wiredesk drops it with the element"
)
_IFRAME: Final = (
    "an iframe's content is raw text to HTML5 and never shown; Wiredesk drops it with the iframe "
    "(feedparser keeps it as markup)"
)
DIFFERS: Final = {  # file: why Wiredesk's reading differs from feedparser's, on purpose
    "wellformed/atom10/entry_content_base64.xml": "content of a non-text type (base64 application/octet-stream) "
    "is not the story's text",
    "wellformed/atom10/entry_content_base64_2.xml": "content of a non-text type (base64 application/octet-stream) "
    "is not the story's text",
    "wellformed/base/http_entry_id_base_content_location.xml": "an id stays as written; feedparser resolves it "
    "against the document's address",
    "wellformed/base/http_entry_id_base_docuri.xml": "an id stays as written; feedparser resolves it against the "
    "document's address",
    "wellformed/media-rss/media_group.xml": "a Media RSS description describes the media object, not the entry",
    "wellformed/rss/entity_in_doctype.xml": "a document that declares entities is refused (XML bombs, XXE)",
    "wellformed/sanitize/entry_content_crazy.xml": _CRAZY,
    "wellformed/sanitize/entry_summary_crazy.xml": _CRAZY,
    "wellformed/sanitize/entry_title_crazy.xml": _CRAZY,
    "wellformed/sanitize/item_content_encoded_crazy.xml": _CRAZY,
    "wellformed/sanitize/item_description_crazy.xml": _CRAZY,
    "wellformed/sanitize/item_fullitem_crazy.xml": _CRAZY,
    "wellformed/sanitize/entry_content_iframe.xml": _IFRAME,
    "wellformed/sanitize/entry_summary_iframe.xml": _IFRAME,
    "wellformed/sanitize/item_content_encoded_iframe.xml": _IFRAME,
    "wellformed/sanitize/item_description_iframe.xml": _IFRAME,
    "wellformed/sanitize/item_fullitem_iframe.xml": _IFRAME,
    "wellformed/sanitize/item_content_encoded_script_nested_cdata.xml": "HTML5 reads '<![CDATA[' in HTML as a "
    "bogus comment, as browsers do; feedparser keeps it as text",
}
# Files whose stories differ from what feedparser.parse makes of them (beyond the rules of
# test_feed_rules.py), each on purpose.
_RAW_TITLE = (
    "no id and no link: the id is a digest of the raw HTML title, which feedparser's HTML processor "
    "rewrote beyond what Wiredesk's canonical form keeps (a bare '&', an end tag's blanks)"
)
DEPARTS: Final = {
    "wellformed/atom10/qna.xml": _RAW_TITLE,
    "wellformed/sanitize/entry_title_crazy.xml": _RAW_TITLE,
    "wellformed/rss/item_category_image.xml": "the only title is an <image>'s inside a <category>: feedparser "
    "took it for the item's; Wiredesk reads an item's own title only, and skips the item",
    "encoding/bozo_linenoise.xml": "bytes that are no text in any encoding: each reader decodes the noise its own way",
    "illformed/chardet/shiftjis.xml": "Shift JIS with no declaration: not UTF-8, so read as Windows-1252 as xmlsafe "
    "reads such bytes (five bytes Windows-1252 leaves undefined become U+FFFD); feedparser kept them as C1 controls",
}
# The corpus of feedparser 6.0.11 (a smaller folder is a broken download, not a pass)
MINIMUM_FILES: Final = {"wellformed": 1700, "illformed": 15, "encoding": 200, "entities": 250}


@pytest.fixture(scope="module")
def root() -> Path:
    found = corpus.folder()
    if found is None:
        pytest.skip(
            f"feedparser's test corpus is not unpacked and {corpus.ENV} is not set: "
            "run `make feedparser-tests` (make test does it and sets the variable)"
        )
    if not found.is_dir():
        pytest.fail(f"{corpus.ENV} names {found}, which is not a folder: run `make feedparser-tests`")
    for kind, minimum in MINIMUM_FILES.items():
        count = len(corpus.files(found, kind))
        assert count >= minimum, f"{found / kind} holds {count} files, fewer than {minimum}: unpack it again"
    return found


@pytest.fixture(scope="module")
def outcomes(root: Path) -> dict[str, corpus.Outcome]:
    return {path.relative_to(root).as_posix(): corpus.outcome(root, path) for path in corpus.files(root, "wellformed")}


def test_expectations_on_entries_hold(outcomes: dict[str, corpus.Outcome]) -> None:
    failed = {name: o.reason for name, o in outcomes.items() if o.status == "failed"}
    unexpected = {name: reason for name, reason in failed.items() if name not in DIFFERS}
    assert not unexpected, f"Wiredesk disagrees with feedparser's expectation: {unexpected}"
    now_passing = sorted(set(DIFFERS) - set(failed))
    assert not now_passing, f"these files agree now: take them out of DIFFERS and the docs table: {now_passing}"


def test_nothing_crashes(root: Path, outcomes: dict[str, corpus.Outcome]) -> None:
    crashed = dict(corpus.crashes(root))
    crashed.update({name: o.reason for name, o in outcomes.items() if o.status == "crashed"})
    assert not crashed


def test_stories_are_what_feedparser_gave(root: Path) -> None:
    # the continuity test of test_feed_rules.py, on every file of the corpus
    departed = {}
    for kind in corpus.KINDS:
        for path in corpus.files(root, kind):
            name, data = path.relative_to(root).as_posix(), path.read_bytes()
            try:
                if detect_format(data) not in ("rss", "atom") or b"<!ENTITY" in data:
                    continue
            except ParseError:
                continue
            try:
                assert_as_feedparser_read_it(data, corpus.url_for(root, path))
            except AssertionError as exc:
                departed[name] = str(exc)[:200]
    unexpected = {name: reason for name, reason in departed.items() if name not in DEPARTS}
    assert not unexpected, f"stories differ from feedparser's: {unexpected}"
    assert not sorted(set(DEPARTS) - set(departed)), "these files agree now: take them out of DEPARTS"


def test_the_docs_table_is_current(root: Path, outcomes: dict[str, corpus.Outcome]) -> None:
    counts = Counter(o.status for o in outcomes.values())
    applicable = counts["passed"] + counts["failed"] + counts["crashed"]
    rows = [
        f"| well-formed | {len(outcomes)} | {applicable} | {counts['passed']} | {counts['failed']} "
        f"| {counts['not applicable']} | {counts['crashed']} |"
    ]
    for kind, label in (("illformed", "ill-formed"), ("encoding", "encoding"), ("entities", "entities")):
        rows.append(f"| {label} | {len(corpus.files(root, kind))} | crashes only | – | – | – | 0 |")
    text = FORMATS_MD.read_text(encoding="utf-8")
    missing = [row for row in rows if row not in text]
    assert not missing, f"docs/formats.md: the feedparser corpus table should hold these rows: {missing}"
    for name in [*DIFFERS, *DEPARTS]:
        assert name.removeprefix("wellformed/") in text, f"docs/formats.md does not list {name}"


def test_the_mapping_reads_expectations() -> None:
    # the expectation parser itself, on the shapes the corpus uses
    found = corpus.checks("not bozo and entries[0]['title_detail']['value'] == 'A' + 'B'")
    assert found == [corpus.Check(0, "title", "AB")]
    found = corpus.checks("not bozo and entries[0]['id'] == entries[1]['id'] == 'X'")
    assert found == [corpus.Check(0, "id", "X"), corpus.Check(1, "id", "X")]
    assert corpus.checks("not bozo and not entries[0].has_key('link')") == [corpus.Check(0, "link", "")]
    assert isinstance(corpus.checks("not bozo and feed['title'] == 'T'"), str)
    assert isinstance(corpus.checks("entries[0]['title'] == feed['title']"), str)  # not a literal: not mapped
