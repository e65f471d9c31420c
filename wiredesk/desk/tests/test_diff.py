from __future__ import annotations

from wiredesk.desk.diff import diff_words, text_of


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


def test_text_of_keeps_words_apart_across_paragraphs() -> None:
    assert text_of("<p>One.</p><p>Two &amp; three</p>") == "One. Two & three"
