"""Where a story lives: its stable slug, its path, its canonical URL and its share links."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.urls import reverse
from django.utils.text import slugify

from wiredesk.stories.models import Story, StoryVersion

MAX_SLUG_LENGTH = 80


def make_slug(headline: str) -> str:
    """An ASCII slug of ``headline``, cut at a word boundary; ``"story"`` when nothing is left."""
    slug = slugify(headline)[: MAX_SLUG_LENGTH + 1]
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[:MAX_SLUG_LENGTH].rsplit("-", 1)[0]
    return slug.strip("-") or "story"


def story_slug(story: Story) -> str:
    """The slug of the story's first headline: it never changes once the story is out."""
    headline = getattr(story, "first_headline", None)
    if headline is None:
        first = StoryVersion.objects.filter(story=story).order_by("received", "pk").values_list("headline", flat=True)
        headline = first.first() or ""
    return make_slug(headline)


def story_path(story: Story) -> str:
    return reverse("site:story", kwargs={"pk": story.pk, "slug": story_slug(story)})


def absolute(path: str) -> str:
    """``path`` on the site's public address (``WIREDESK_BASE_URL``), whatever host was asked."""
    return f"{settings.WIREDESK_BASE_URL}{path}"


def story_url(story: Story) -> str:
    """The canonical absolute URL of ``story``."""
    return absolute(story_path(story))


@dataclass(frozen=True, slots=True)
class ShareLink:
    name: str
    label: str
    href: str


def share_links(url: str, title: str) -> list[ShareLink]:
    """Plain share links: no script, no request to anyone until the reader clicks."""
    u, t = quote(url, safe=""), quote(title, safe="")
    return [
        ShareLink("whatsapp", "WhatsApp", f"https://wa.me/?text={quote(f'{title} {url}', safe='')}"),
        ShareLink("x", "X", f"https://twitter.com/intent/tweet?url={u}&text={t}"),
        ShareLink("facebook", "Facebook", f"https://www.facebook.com/sharer/sharer.php?u={u}"),
        ShareLink("telegram", "Telegram", f"https://t.me/share/url?url={u}&text={t}"),
        ShareLink("email", "E-mail", f"mailto:?subject={t}&body={u}"),
    ]
