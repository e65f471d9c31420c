"""What an article page says about itself: language, direction, provenance, dates, JSON-LD."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from django.conf import settings
from django.templatetags.static import static
from django.utils import dateformat, timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from wiredesk.site.links import absolute, story_url
from wiredesk.stories import licence
from wiredesk.stories.models import Story
from wiredesk.text import plain_text

DEFAULT_LANGUAGE = "en"
# Scripts written right to left (CLDR): Arabic, Urdu, Persian, Hebrew, Pashto, Sindhi,
# Uyghur, Yiddish, Dhivehi, plus a few more languages usually written in Arabic script.
RTL_LANGUAGES = frozenset({"ar", "ur", "fa", "he", "iw", "ps", "sd", "ug", "yi", "dv", "ckb", "ku-arab", "syr"})
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$")
_DATELINE_TRIM = " \t:,;.-\u2013\u2014"
# Google's article structured data: "headline" of at most 110 characters (as it long required).
MAX_HEADLINE = 110
LOGO, LOGO_SIZE = "site/logo.png", 256  # wiredesk/site/static/site/logo.png, square
_BY = re.compile(r"^by\b[\s:]*", re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)


def language_of(story: Story) -> str:
    """The BCP 47 tag of the story's language (``en`` when absent or malformed)."""
    tag = story.current_version.language.strip() if story.current_version else ""
    return tag.replace("_", "-") if _LANGUAGE_TAG.match(tag) else DEFAULT_LANGUAGE


def direction_of(language: str) -> str:
    """``rtl`` for languages written right to left (any regional variant), else ``ltr``."""
    tag = language.lower()
    return "rtl" if tag.split("-")[0] in RTL_LANGUAGES or tag in RTL_LANGUAGES else "ltr"


def provenance(story: Story) -> str:
    """The licence line under the body; its wording follows the desk's edits and the agency's profile."""
    return licence.provenance(
        story.agency, headline_edited=bool(story.headline_override), site=settings.WIREDESK_SITE_NAME
    )


def published_at(story: Story) -> datetime:
    """When the story was published: the one time every list, feed, sitemap and page shows.

    ``Story.first_published``, which lists sort by: the agency's publication time, never
    later than receipt, or the end of the embargo (``wiredesk.stories.pubtime``, issue #11).
    The last change stands in for a story never published (not listed anywhere).
    """
    return story.first_published if story.first_published is not None else story.last_modified


def modified_at(story: Story) -> datetime:
    """When the story last changed, never before it was published.

    The latest of the agency's version time and the desk's edit (``Story.last_modified``);
    an embargoed story's versions predate its publication, and schema.org readers expect
    ``dateModified`` ≥ ``datePublished``.
    """
    return max(story.last_modified, published_at(story))


def reader_time(moment: datetime) -> str:
    """``January 22, 2024 11:08 am`` in ``WIREDESK_TIME_ZONE``."""
    local = timezone.localtime(moment)
    return f"{dateformat.format(local, 'F j, Y g:i')} {'am' if local.hour < 12 else 'pm'}"


def iso(moment: datetime) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds")


def place_of(story: Story) -> str:
    """Where the story was written: the dateline without its trailing colon, else ``located``."""
    version = story.current_version
    if version is None:
        return ""
    return version.dateline.strip(_DATELINE_TRIM) or version.located.strip()


def summary_of(story: Story) -> str:
    """The agency abstract, else the start of the body as plain text."""
    version = story.current_version
    if version is None:
        return ""
    if version.abstract:
        return version.abstract
    return Truncator(plain_text(version.body_html)).words(50)


def author_names(byline: str) -> list[str]:
    """The people a byline names: ``"By JANE ROE and John Doe"`` → ``["JANE ROE", "John Doe"]``.

    Drops a leading "By" (any case; Google's article structured data guidelines: the
    author's name only, no "By" or "posted by"), then splits on "and" and "&", and on the
    commas before a final "and" ("A, B and C"). A comma alone is not split on: "Jane Roe,
    Reuters" names one person and her employer. Does not detect job titles or agencies.
    """
    text = _BY.sub("", " ".join(byline.split()), count=1).strip(" ,;")
    parts = _AND.split(text)
    if len(parts) > 1:
        parts = [*parts[0].split(","), *parts[1:]]
    return [name for name in (p.strip(" ,;") for p in parts) if name]


def author_of(story: Story) -> str:
    """The byline's names (feeds' author), else the agency's name."""
    version = story.current_version
    names = author_names(version.byline) if version is not None else []
    return " and ".join(names) if names else story.agency.name


def json_ld(data: dict[str, Any]) -> SafeString:
    """``data`` as JSON safe inside ``<script>``: ``<``, ``>`` and ``&`` become escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped just above, like django.utils.html.json_script


def short_headline(headline: str, limit: int = MAX_HEADLINE) -> str:
    """``headline`` in at most ``limit`` characters: cut at a word boundary, with an ellipsis."""
    headline = " ".join(headline.split())
    if len(headline) <= limit:
        return headline
    cut = headline[: limit - 1]
    if headline[limit - 1] != " " and " " in cut[limit // 2 :]:
        cut = cut.rsplit(" ", 1)[0]  # never a word cut in two, unless one word is half the line
    return cut.rstrip(" ,;:.-\u2013\u2014") + "\u2026"


def publisher_logo() -> dict[str, Any]:
    """The site's logo as a schema.org ``ImageObject`` (a PNG the site serves itself).

    Google's logo guidelines: at least 112×112 pixels, in a format Google Images supports.
    """
    url = static(LOGO)
    if not url.startswith(("http://", "https://", "//")):
        url = absolute(url)
    return {"@type": "ImageObject", "url": url, "width": LOGO_SIZE, "height": LOGO_SIZE}


def news_article(story: Story) -> dict[str, Any]:
    """The schema.org ``NewsArticle`` of ``story`` (Google's article structured data).

    ``datePublished`` is ``published_at``, as on the page and in the news sitemap;
    ``dateModified`` ≥ it always. The headline is at most 110 characters; an empty
    ``description`` is left out rather than sent empty.
    """
    version = story.current_version
    url = story_url(story)
    names = author_names(version.byline) if version is not None else []
    author: dict[str, Any] | list[dict[str, Any]]
    if names:
        author = [{"@type": "Person", "name": name} for name in names]
        if len(author) == 1:
            author = author[0]
    else:
        author = {"@type": "Organization", "name": story.agency.name}
        if story.agency.url:
            author["url"] = story.agency.url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": short_headline(story.headline),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": iso(published_at(story)),
        "dateModified": iso(modified_at(story)),
        "inLanguage": language_of(story),
        "author": author,
        "sourceOrganization": {"@type": "Organization", "name": story.agency.name},
        "publisher": {
            "@type": "Organization",
            "name": settings.WIREDESK_SITE_NAME,
            "url": absolute("/"),
            "logo": publisher_logo(),
        },
        "isAccessibleForFree": True,
    }
    if description := summary_of(story):
        data["description"] = description
    if story.section is not None:
        data["articleSection"] = story.section.name
    if place := place_of(story):
        data["locationCreated"] = {"@type": "Place", "name": place}
    return data
