"""``{% inline_asset "site/site.css" %}``: an asset's text inlined into the page, CSP-hashed.

The text comes from ``wiredesk.security.inline_asset``, the same function whose output the
Content-Security-Policy hashes, so what the page holds and what the header allows cannot
drift apart. Does not inline any file not listed in ``wiredesk.security.INLINE_ASSETS``.
"""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from wiredesk import security

register = template.Library()


@register.simple_tag(name="inline_asset")
def inline_asset_tag(name: str) -> SafeString:
    """The asset's text for a ``<style>`` or ``<script>`` element (``</`` escaped)."""
    return mark_safe(security.inline_asset(name))  # noqa: S308 - our own file, listed in INLINE_ASSETS
