"""Admin-only desk pages for sources (issue 5): list, add, edit, enable/disable.

Credentials are write-only: the form never renders a stored secret (only ``mask()``'s hint),
and a blank secret field keeps the stored value. The address is checked by
``sources.services.clean_address``, the same check ``wiredesk source add`` uses. Editors
get 403 here.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wiredesk.desk.access import admin_required
from wiredesk.sources import services
from wiredesk.sources.models import Source, mask


class SourceForm(forms.ModelForm[Source]):
    """A source's configuration; ``secret`` is write-only (blank keeps the stored one)."""

    secret = forms.CharField(
        label=_("password or token"),
        required=False,
        max_length=500,
        # render_value=False: a stored secret never goes back into the page, not even hidden.
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
    )

    class Meta:
        model = Source
        fields = ["agency", "name", "kind", "address", "auth", "username", "secret", "header_name",
                  "interval", "section", "hold", "enabled"]  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        stored = self.instance.secret if self.instance.pk else ""
        hint = f"Stored: {mask(stored)}. Leave blank to keep it." if stored else "None stored."
        self.fields["secret"].help_text = hint
        self.fields["interval"].widget.attrs["min"] = 1

    def clean_address(self) -> str:
        kind = self.cleaned_data.get("kind") or self.data.get("kind", "")
        try:
            return services.clean_address(kind, self.cleaned_data.get("address", ""))
        except services.SourceConfigError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean_interval(self) -> int:
        interval: int = self.cleaned_data["interval"]
        if interval < 1:
            raise forms.ValidationError("Poll at least every second, i.e. give 1 or more.")
        return interval

    def save(self, commit: bool = True) -> Source:
        source: Source = super().save(commit=False)
        new_secret = self.cleaned_data.get("secret") or ""
        if not new_secret and self.instance.pk:
            source.secret = Source.objects.filter(pk=self.instance.pk).values_list("secret", flat=True).get()
        if commit:
            source.save()
        return source


@require_safe
@admin_required
def source_list(request: HttpRequest) -> HttpResponse:
    sources = Source.objects.select_related("agency", "section")
    return render(request, "desk/sources.html", {"sources": sources})


def _edit(request: HttpRequest, source: Source | None) -> HttpResponse:
    form = SourceForm(request.POST if request.method == "POST" else None, instance=source)
    if request.method == "POST" and form.is_valid():
        created = source is None
        saved = form.save(commit=False)
        token = saved.new_push_token() if saved.kind == Source.Kind.PUSH and not saved.push_token_hash else ""
        saved.save()
        messages.success(request, f"Source {saved} {'added' if created else 'saved'}.")
        if token:
            messages.info(request, f"Push token (shown once): {token}")
        return redirect("desk:source", saved.pk)
    return render(request, "desk/source_form.html", {"form": form, "source": source})


@require_http_methods(["GET", "HEAD", "POST"])
@admin_required
def source_new(request: HttpRequest) -> HttpResponse:
    return _edit(request, None)


@require_http_methods(["GET", "HEAD", "POST"])
@admin_required
def source_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, get_object_or_404(Source.objects.select_related("agency"), pk=pk))


@require_POST
@admin_required
def source_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=pk)
    services.set_enabled(source, not source.enabled)
    messages.success(request, f"Source {source} {'enabled' if source.enabled else 'disabled'}.")
    return redirect("desk:sources")
