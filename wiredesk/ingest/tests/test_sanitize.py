"""The body allowlist, and plain text turned into paragraphs (``wiredesk.text`` has the other way)."""

from __future__ import annotations

from wiredesk.ingest.sanitize import sanitize_body, text_to_html


def test_scripts_styles_handlers_and_bad_links_go() -> None:
    dirty = (
        '<p onclick="x()" style="color:red">Hi<script>alert(1)</script></p><iframe src="http://x"></iframe>'
        '<a href="javascript:alert(1)">bad</a><a href="data:text/html,x">data</a><form><input></form>'
    )
    clean = sanitize_body(dirty)
    for banned in ("script", "onclick", "style", "iframe", "javascript", "data:", "form", "input"):
        assert banned not in clean
    assert "<p>Hi</p>" in clean


def test_news_structure_stays() -> None:
    body = (
        "<h2>Sub</h2><p>A <em>b</em> <strong>c</strong></p><ul><li>x</li></ul><blockquote>q</blockquote>"
        '<a href="https://example.org/a">l</a><a href="mailto:desk@example.org">m</a>'
        "<figure><figcaption>cap</figcaption></figure><table><tr><td>1</td></tr></table>"
    )
    clean = sanitize_body(body)
    for kept in ("<h2>", "<em>", "<strong>", "<ul>", "<li>", "<blockquote>", 'href="https://example.org/a"',
                 'href="mailto:desk@example.org"', "<figure>", "<figcaption>", "<table>", "<td>"):  # fmt: skip
        assert kept in clean
    assert 'rel="noopener noreferrer nofollow"' in clean


def test_text_to_html_escapes() -> None:
    assert text_to_html("One <two>\n\nThree") == "<p>One &lt;two&gt;</p><p>Three</p>"
