"""Desk pages for routing rules (admins only): list and order, edit, and the dry run.

The desk's pages over ``wiredesk.routing``, as ``sources.py`` is over ``wiredesk.sources``:
the rules, their form, audit and dry run live in ``routing``, which knows nothing of the
desk. The dry run replays the form's unsaved draft and saves nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wiredesk.desk.access import admin_required
from wiredesk.routing import audit, services
from wiredesk.routing.forms import DryRunForm, RuleForm
from wiredesk.routing.models import RoutingRule


@require_safe
@admin_required
def rule_list(request: HttpRequest) -> HttpResponse:
    rules = RoutingRule.objects.select_related("section").prefetch_related("agencies")
    return render(request, "desk/rules.html", {"rules": rules})


def _dry_run(form: RuleForm, dry: DryRunForm, rule: RoutingRule | None) -> list[services.Change]:
    draft = form.save(commit=False)
    agencies = [a.slug for a in form.cleaned_data["agencies"]]
    pure = services.rule_of(draft, agencies=agencies, sources=form.cleaned_data["sources"])
    rules = services.draft_rule_set(pure, position=draft.position, replaces=rule.pk if rule else None)
    if not draft.enabled:
        rules = [r for r in rules if r is not pure]
    return services.dry_run(rules, dry.cleaned_data["days"])


def _edit(request: HttpRequest, rule: RoutingRule | None) -> HttpResponse:
    posted = request.method == "POST"
    before = audit.snapshot(rule)  # taken first: a bound form changes the instance
    last = RoutingRule.objects.order_by("-position").values_list("position", flat=True).first()
    initial = {} if rule else {"position": (last or 0) + 10}  # a new rule goes last
    form = RuleForm(request.POST if posted else None, instance=rule, initial=initial)
    dry = DryRunForm(request.POST if posted and "dry_run" in request.POST else None)
    context: dict[str, object] = {"form": form, "dry": dry, "rule": rule,
                                  "history": audit.history(rule) if rule else []}  # fmt: skip
    if posted and "dry_run" in request.POST:
        if form.is_valid() and dry.is_valid():
            with transaction.atomic():  # belt and braces: nothing of a dry run is ever kept
                context["changes"] = _dry_run(form, dry, rule)
                transaction.set_rollback(True)
            context["days"] = dry.cleaned_data["days"]
    elif posted and form.is_valid():
        saved = form.save(commit=False)
        saved.modified = timezone.now()
        saved.save()
        form.save_m2m()
        audit.log_rule_change(request.user, saved, before)
        messages.success(request, f"Rule {saved.name} saved.")
        return redirect("desk:rules")
    return render(request, "desk/rule_form.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@admin_required
def rule_new(request: HttpRequest) -> HttpResponse:
    return _edit(request, None)


@require_http_methods(["GET", "HEAD", "POST"])
@admin_required
def rule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, get_object_or_404(RoutingRule, pk=pk))


@require_POST
@admin_required
def rule_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a rule one place up or down (``direction`` in the form: ``up`` or ``down``)."""
    rule = get_object_or_404(RoutingRule, pk=pk)
    up = request.POST.get("direction") == "up"
    before = audit.snapshot(rule)
    services.move_rule(rule, up=up)
    rule.refresh_from_db()
    audit.log_rule_change(request.user, rule, before, note=f"moved {'up' if up else 'down'}")
    return redirect("desk:rules")
