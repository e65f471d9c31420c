"""The audit trail of rule edits made on the desk, kept in Django admin's history.

Stories keep their own trail (``StoryEvent``, actor ``rule:NAME`` for what rules did);
this records who changed a rule, when, and each changed field's value before and after,
as a ``LogEntry`` that the rule's "History" page in Django admin shows. Edits made in
Django admin itself are logged there by Django (without the values).
"""

from __future__ import annotations

from typing import Any

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType

from wiredesk.routing.models import RoutingRule

_M2M = ("agencies", "sources")


def snapshot(rule: RoutingRule | None) -> dict[str, str]:
    """Every editable value of ``rule`` as text (empty for a rule not saved yet)."""
    if rule is None or rule.pk is None:
        return {}
    values = {f.name: "" if getattr(rule, f.attname) is None else str(getattr(rule, f.name) or "")
              for f in RoutingRule._meta.concrete_fields if f.name not in {"id", "modified"}}  # fmt: skip
    values["agencies"] = ", ".join(sorted(a.slug for a in rule.agencies.all()))
    values["sources"] = ", ".join(sorted(str(s) for s in rule.sources.all()))
    return values


def differences(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """``field: 'old' → 'new'`` for each field that changed."""
    return [f"{name}: {before.get(name, '')!r} → {value!r}" for name, value in after.items()
            if before.get(name, "") != value]  # fmt: skip


def log_rule_change(user: Any, rule: RoutingRule, before: dict[str, str], *, note: str = "") -> LogEntry | None:
    """Record ``user``'s edit of ``rule`` (``before``: its ``snapshot`` before the edit)."""
    changes = differences(before, snapshot(rule))
    if not changes and not note:
        return None
    message = "; ".join([note, *changes] if note else changes)
    return LogEntry.objects.create(
        user_id=user.pk,
        content_type=ContentType.objects.get_for_model(RoutingRule),
        object_id=str(rule.pk),
        object_repr=str(rule)[:200],
        action_flag=ADDITION if not before else CHANGE,
        change_message=message,
    )


def history(rule: RoutingRule) -> list[LogEntry]:
    """Edits of ``rule``, newest first."""
    content_type = ContentType.objects.get_for_model(RoutingRule)
    return list(
        LogEntry.objects.filter(content_type=content_type, object_id=str(rule.pk))
        .select_related("user")
        .order_by("-action_time", "-pk")[:50]
    )
