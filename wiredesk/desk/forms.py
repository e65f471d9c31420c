"""The desk's small forms. None of them has a body field: agency bodies are read-only."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wiredesk.stories import licence
from wiredesk.stories.models import Section


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("reason"), max_length=500, required=False)


class HeadlineForm(forms.Form):
    headline = forms.CharField(label=_("desk headline"), max_length=500, required=False)
    clear = forms.BooleanField(required=False, widget=forms.HiddenInput)


class SectionForm(forms.Form):
    section = forms.ModelChoiceField(
        Section.objects.all(), label=_("section"), required=False, to_field_name="slug", empty_label=_("(none)")
    )


class PinForm(forms.Form):
    pinned = forms.BooleanField(label=_("pinned"), required=False)


class LicenceForm(forms.Form):
    attribution = forms.CharField(
        label=_("credit line"),
        max_length=200,
        required=False,
        help_text=_("Shown under each story as its source, e.g. 'IANS'. Empty: the agency's name."),
    )
    expire_after_days = forms.IntegerField(
        label=_("expire after (days)"),
        min_value=1,
        required=False,
        help_text=_("Empty: stories stay up. Otherwise they are taken down this many days after publication."),
    )
    provenance_unedited = forms.CharField(
        label=_("provenance line, headline kept"),
        max_length=500,
        required=False,
        help_text=_("Empty: “%(default)s” {site} is the site's name, {agency} the agency's.")
        % {"default": licence.DEFAULT_PROVENANCE_UNEDITED},
    )
    provenance_edited = forms.CharField(
        label=_("provenance line, headline edited"),
        max_length=500,
        required=False,
        help_text=_("Empty: “%(default)s”") % {"default": licence.DEFAULT_PROVENANCE_EDITED},
    )
