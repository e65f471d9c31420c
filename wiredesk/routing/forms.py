"""The desk's routing-rule form: the rule itself, plus how many days a dry run replays."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wiredesk.routing.models import RoutingRule


class RuleForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = RoutingRule
        fields = [
            "name", "position", "enabled",
            "agencies", "sources", "urgency_max", "languages", "words_any", "words_all", "words_none", "words_in",
            "subjects", "tags",
            "section", "status_action", "add_tags", "stop_processing",
        ]  # fmt: skip
        widgets = {name: forms.Textarea(attrs={"rows": 2}) for name in
                   ("words_any", "words_all", "words_none", "subjects", "tags", "add_tags")}  # fmt: skip


class DryRunForm(forms.Form):
    days = forms.IntegerField(label=_("replay the last N days"), min_value=1, max_value=90, initial=7)
