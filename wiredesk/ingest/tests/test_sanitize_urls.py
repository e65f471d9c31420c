"""Every URL-valued attribute a body may keep gets the href scheme allowlist (issue #11).

nh3 checks ``href`` and ``src`` itself; ``cite`` on ``<blockquote>``/``<q>`` used to keep any
scheme, so ``javascript:`` and ``data:`` reached readers' pages.
"""

from __future__ import annotations

import pytest

from wiredesk.ingest.sanitize import BODY_ATTRIBUTES, URL_ATTRIBUTES, URL_SCHEMES, sanitize_body

HOSTILE = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " \tjava\nscript:alert(1)",  # browsers drop tabs and newlines, and skip leading blanks
    "java&#x09;script:alert(1)",  # the same, as an entity
    "&#106;avascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
]


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("element", ["blockquote", "q"])
def test_cite_with_a_bad_scheme_is_dropped(element: str, value: str) -> None:
    cleaned = sanitize_body(f'<{element} cite="{value}">Quoted words</{element}>')
    assert cleaned == f"<{element}>Quoted words</{element}>"


@pytest.mark.parametrize("value", HOSTILE)
def test_href_and_src_keep_refusing_bad_schemes(value: str) -> None:
    cleaned = sanitize_body(f'<p><a href="{value}">x</a><img src="{value}" alt="y"></p>')
    assert "href" not in cleaned and "src" not in cleaned


@pytest.mark.parametrize(
    "value", ["https://wire.example/quote", "http://wire.example/q", "mailto:desk@wire.example", "/relative/path",
              "#note", "page.html?a=b:c"],
)  # fmt: skip
def test_cite_with_an_allowed_scheme_or_relative_stays(value: str) -> None:
    cleaned = sanitize_body(f'<blockquote cite="{value}"><p>Quoted</p></blockquote>')
    assert cleaned == f'<blockquote cite="{value}"><p>Quoted</p></blockquote>'


def test_attribute_names_are_matched_whatever_their_case() -> None:
    assert sanitize_body('<Q CITE="javascript:alert(1)">x</Q>') == "<q>x</q>"


def test_every_allowed_url_attribute_is_covered() -> None:
    """A URL attribute added to the allowlist later gets the scheme check without more code."""
    allowed = {attribute for attributes in BODY_ATTRIBUTES.values() for attribute in attributes}
    for attribute in sorted(allowed & URL_ATTRIBUTES):
        element = next(tag for tag, names in BODY_ATTRIBUTES.items() if attribute in names)
        cleaned = sanitize_body(f'<{element} {attribute}="javascript:alert(1)">x</{element}>')
        assert "javascript" not in cleaned, (element, attribute)
    assert URL_SCHEMES == {"http", "https", "mailto"}
