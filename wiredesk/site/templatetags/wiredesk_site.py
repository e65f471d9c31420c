"""Template tags every public page uses: the site name, the inlined CSS, the section menu."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from django import template
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from wiredesk.site.links import story_path
from wiredesk.site.meta import iso, reader_time
from wiredesk.stories.models import Section, Story

register = template.Library()

CSS_PATH = Path(__file__).resolve().parent.parent / "static" / "site" / "site.css"


@cache
def _css() -> str:
    return CSS_PATH.read_text(encoding="utf-8")


@register.simple_tag
def site_name() -> str:
    return str(settings.WIREDESK_SITE_NAME)


@register.simple_tag
def inline_css() -> SafeString:
    """The one small stylesheet, inlined: no extra request on a slow connection."""
    return mark_safe(_css().replace("</", "<\\/"))  # noqa: S308 - our own file, kept inside <style>


@register.inclusion_tag("site/_nav.html")
def section_nav() -> dict[str, Any]:
    return {"sections": list(Section.objects.only("slug", "name"))}


@register.filter
def story_href(story: Story) -> str:
    return story_path(story)


@register.filter
def reader_datetime(moment: Any) -> str:
    return reader_time(moment) if moment else ""


@register.filter
def iso_datetime(moment: Any) -> str:
    return iso(moment) if moment else ""
