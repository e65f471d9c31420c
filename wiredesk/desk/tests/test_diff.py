from __future__ import annotations

from wiredesk.desk.diff import diff_versions, diff_words
from wiredesk.stories.models import StoryVersion


def test_word_level_diff_marks_removed_and_added_words() -> None:
    html, changed = diff_words("Ten people died in the blast", "Twelve people died in the twin blasts")
    assert changed
    assert str(html) == ("<del>Ten</del> <ins>Twelve</ins> people died in the <del>blast</del> <ins>twin blasts</ins>")


def test_no_change() -> None:
    html, changed = diff_words("Same words", "Same  words")
    assert not changed and str(html) == "Same words"


def test_everything_is_escaped() -> None:
    html, _ = diff_words("<b>a</b>", "<script>x</script> &")
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp;" in html


def test_body_is_compared_as_the_words_readers_read() -> None:
    # Re-tagging is no change: table cells and paragraphs are word boundaries alike, and an
    # entity is its character (cells used to run together: "45").
    old = StoryVersion(headline="H", body_html="<p>One.</p><table><tr><td>4</td><td>5</td></tr></table>")
    new = StoryVersion(headline="H", body_html="<p>One.</p><p>4 5</p>")
    body = {d.name: d for d in diff_versions(old, new)}["body"]
    assert not body.changed and str(body.html) == "One. 4 5"
    newer = StoryVersion(headline="H", body_html="<p>One. <b>Four</b> &amp; five</p>")
    body = {d.name: d for d in diff_versions(new, newer)}["body"]
    assert str(body.html) == "One. <del>4 5</del> <ins>Four &amp; five</ins>"
