"""Routing's receivers: forget the cached rules when a rule is edited.

Routing new stories is an after-commit step (``wiredesk.routing.after``), not a signal.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from wiredesk.routing import services
from wiredesk.routing.models import RoutingRule


def _rules_edited(sender: Any, **kwargs: Any) -> None:
    services.enabled_rules.clear()


def connect() -> None:
    post_save.connect(_rules_edited, sender=RoutingRule, dispatch_uid="routing-rule-saved")
    post_delete.connect(_rules_edited, sender=RoutingRule, dispatch_uid="routing-rule-deleted")
    m2m_changed.connect(_rules_edited, sender=RoutingRule.agencies.through, dispatch_uid="routing-rule-agencies")
    m2m_changed.connect(_rules_edited, sender=RoutingRule.sources.through, dispatch_uid="routing-rule-sources")
