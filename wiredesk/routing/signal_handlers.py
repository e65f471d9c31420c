"""Routing's receivers: route new stories, keep rule tags, forget cached rules on edits."""

from __future__ import annotations

import logging
from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from wiredesk.routing import services
from wiredesk.routing.models import RoutingRule
from wiredesk.stories.models import Story
from wiredesk.stories.signals import stories_changed, stories_created

log = logging.getLogger("wiredesk.routing")


def _stories_created(sender: Any, story_ids: Any = (), **kwargs: Any) -> None:
    try:
        services.apply_rules(story_ids)
    except Exception:  # noqa: BLE001 - a broken rule must never fail ingest; the stories stay as stored
        log.exception("routing failed for stories %s", list(story_ids)[:20])


def _stories_changed(sender: Any, story_ids: Any = (), **kwargs: Any) -> None:
    # Enrichment (sender Story) replaces a story's tags; put the rules' tags back.
    # Ingest sends with sender Pipeline: nothing to do then, and no query spent.
    if sender is Story and story_ids:
        services.restore_rule_tags(story_ids)


def _rules_edited(sender: Any, **kwargs: Any) -> None:
    services.enabled_rules.clear()


def connect() -> None:
    stories_created.connect(_stories_created, dispatch_uid="routing-stories-created")
    stories_changed.connect(_stories_changed, dispatch_uid="routing-stories-changed")
    post_save.connect(_rules_edited, sender=RoutingRule, dispatch_uid="routing-rule-saved")
    post_delete.connect(_rules_edited, sender=RoutingRule, dispatch_uid="routing-rule-deleted")
    m2m_changed.connect(_rules_edited, sender=RoutingRule.agencies.through, dispatch_uid="routing-rule-agencies")
    m2m_changed.connect(_rules_edited, sender=RoutingRule.sources.through, dispatch_uid="routing-rule-sources")
