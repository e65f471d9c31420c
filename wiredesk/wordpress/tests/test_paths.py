"""Old URLs as keys: what the export says and what a reader asks must meet (no database)."""

from __future__ import annotations

import pytest

from wiredesk.wordpress import paths


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        ("https://herald.example/2024/01/22/floating-library/", "/2024/01/22/floating-library"),
        ("https://herald.example/2024/01/22/Floating-Library", "/2024/01/22/floating-library"),
        ("https://herald.example/?p=123", "/?p=123"),
        ("https://herald.example/?p=123&utm_source=x", "/?p=123"),
        ("https://herald.example/index.php?p=123", "/?p=123"),
        ("https://herald.example/news/?page_id=7", "/news?page_id=7"),
        ("https://herald.example/%d8%a7%d9%84%d8%b9%d8%b1%d8%a8/", "/\u0627\u0644\u0639\u0631\u0628"),
        ("https://herald.example//culture//boats/", "/culture/boats"),
        ("https://herald.example/", "/"),
    ],
)
def test_url_path(url: str, normal: str) -> None:
    assert paths.url_path(url) == normal


def test_a_request_meets_the_export() -> None:
    # Django hands the view a decoded path and a query dict
    assert paths.normal_path("/2024/01/22/floating-library/", {}) == paths.url_path(
        "https://herald.example/2024/01/22/floating-library/"
    )
    assert paths.normal_path("/", {"p": "123", "replytocom": "9"}) == "/?p=123"


def test_fallbacks_drop_feed_amp_and_page_suffixes() -> None:
    assert paths.fallbacks("/2024/01/22/floating-library/amp") == ["/2024/01/22/floating-library"]
    assert paths.fallbacks("/2024/01/22/floating-library/feed") == ["/2024/01/22/floating-library"]
    assert paths.fallbacks("/floating-library/2") == ["/floating-library"]
    assert paths.fallbacks("/floating-library") == []
    assert paths.fallbacks("/?p=3") == []


def test_keys_are_fixed_length_and_distinct() -> None:
    long_path = "/" + "x" * 5000
    assert len(paths.key(long_path)) == 64
    assert paths.key("/a") != paths.key("/b")
    assert paths.slug_key("Floating-Library") == paths.slug_key("floating-library")
    assert paths.last_segment("/2024/01/22/floating-library") == "floating-library"
