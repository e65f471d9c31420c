"""Template helpers of the desk: the user's role, and a story's urgency mark."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from wiredesk.desk.queue import is_urgent
from wiredesk.stories import licence
from wiredesk.stories.models import Agency, Story
from wiredesk.stories.roles import is_admin, role_of

register = template.Library()


@register.filter
def desk_admin(user: Any) -> bool:
    return is_admin(user)


@register.filter
def desk_role(user: Any) -> str:
    return role_of(user)


@register.filter
def credit(agency: Agency) -> str:
    return licence.credit(agency)


@register.filter
def urgent(story: Story) -> bool:
    return is_urgent(story)


@register.filter
def in_embargo(story: Story) -> bool:
    return story.embargoed_until is not None and story.embargoed_until > timezone.now()
