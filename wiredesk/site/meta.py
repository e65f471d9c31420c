"""What an article page says about itself: language, direction, provenance, dates, JSON-LD."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from django.conf import settings
from django.utils import dateformat, timezone
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from wiredesk.site.links import absolute, story_url
from wiredesk.stories.models import Story

DEFAULT_LANGUAGE = "en"
# Scripts written right to left (CLDR): Arabic, Urdu, Persian, Hebrew, Pashto, Sindhi,
# Uyghur, Yiddish, Dhivehi, plus a few more languages usually written in Arabic script.
RTL_LANGUAGES = frozenset({"ar", "ur", "fa", "he", "iw", "ps", "sd", "ug", "yi", "dv", "ckb", "ku-arab", "syr"})
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$")
_DATELINE_TRIM = " \t:,;.-\u2013\u2014"


def language_of(story: Story) -> str:
    """The BCP 47 tag of the story's language (``en`` when absent or malformed)."""
    tag = story.current_version.language.strip() if story.current_version else ""
    return tag.replace("_", "-") if _LANGUAGE_TAG.match(tag) else DEFAULT_LANGUAGE


def direction_of(language: str) -> str:
    """``rtl`` for languages written right to left (any regional variant), else ``ltr``."""
    tag = language.lower()
    return "rtl" if tag.split("-")[0] in RTL_LANGUAGES or tag in RTL_LANGUAGES else "ltr"


def provenance(story: Story) -> str:
    """The licence line under the body; its wording follows the desk's edits."""
    site = settings.WIREDESK_SITE_NAME
    if story.headline_override:
        return (
            f"Except for the headline, this story has not been edited by {site} staff "
            "and is published from a syndicated feed."
        )
    return f"This story has not been edited by {site} staff and is published from a syndicated feed."


def published_at(story: Story) -> datetime:
    """When the story was published, never after its last change (agency times may be earlier)."""
    if story.first_published is None:
        return story.last_modified
    return min(story.first_published, story.last_modified)


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
    return Truncator(" ".join(strip_tags(version.body_html).split())).words(50)


def author_of(story: Story) -> str:
    version = story.current_version
    return version.byline if version is not None and version.byline else story.agency.name


def json_ld(data: dict[str, Any]) -> SafeString:
    """``data`` as JSON safe inside ``<script>``: ``<``, ``>`` and ``&`` become escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped just above, like django.utils.html.json_script


def news_article(story: Story) -> dict[str, Any]:
    """The schema.org ``NewsArticle`` of ``story`` (datePublished ≤ dateModified always)."""
    version = story.current_version
    url = story_url(story)
    if version is not None and version.byline:
        author: dict[str, Any] = {"@type": "Person", "name": version.byline}
    else:
        author = {"@type": "Organization", "name": story.agency.name}
        if story.agency.url:
            author["url"] = story.agency.url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.headline,
        "description": version.abstract if version else "",
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": iso(published_at(story)),
        "dateModified": iso(story.last_modified),
        "inLanguage": language_of(story),
        "author": author,
        "sourceOrganization": {"@type": "Organization", "name": story.agency.name},
        "publisher": {
            "@type": "Organization",
            "name": settings.WIREDESK_SITE_NAME,
            "url": absolute("/"),
        },
        "isAccessibleForFree": True,
    }
    if story.section is not None:
        data["articleSection"] = story.section.name
    if place := place_of(story):
        data["locationCreated"] = {"@type": "Place", "name": place}
    return data
