"""Django admin for sources: credentials are write-only, the poller's state read-only."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from wiredesk.sources.models import Source, SourceRun, mask


class SourceForm(forms.ModelForm):  # type: ignore[type-arg]
    secret = forms.CharField(
        label=_("password or token"), required=False, widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave empty to keep the current one. Never shown back."),
    )  # fmt: skip

    class Meta:
        model = Source
        fields = "__all__"

    def clean_secret(self) -> str:
        # An empty field keeps the stored credential: the form never shows it back.
        return self.cleaned_data["secret"] or (self.instance.secret if self.instance.pk else "")


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = SourceForm
    list_display = ["__str__", "agency", "kind", "enabled", "interval", "last_success_at", "short_error",
                    "credential", "next_poll_at"]  # fmt: skip
    list_filter = ["kind", "enabled", "agency"]
    search_fields = ["address", "name", "agency__slug"]
    readonly_fields = [
        "credential", "etag", "last_modified_header", "current_interval", "failures", "last_polled_at",
        "last_success_at", "last_change_at", "last_error", "last_error_at", "websub_lease_until",
    ]  # fmt: skip
    actions = ["new_push_token", "poll_now"]

    @admin.display(description=_("credential"))
    def credential(self, obj: Source) -> str:
        return mask(obj.secret) or ("push token set" if obj.push_token_hash else "–")

    @admin.display(description=_("last error"))
    def short_error(self, obj: Source) -> str:
        return obj.last_error[:80] if obj.failures else ""

    @admin.action(description=_("Make a new push token (shown once)"))
    def new_push_token(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        for source in queryset.filter(kind=Source.Kind.PUSH):
            token = source.new_push_token()
            source.save(update_fields=["push_token_hash"])
            messages.warning(request, f"Push token for {source} (copy it now, it is not shown again): {token}")

    @admin.action(description=_("Poll now"))
    def poll_now(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        from wiredesk.sources.polling import poll

        for source in queryset.exclude(kind=Source.Kind.PUSH):
            run = poll(source)
            messages.info(request, f"{source}: {run.get_outcome_display()} {run.error}")


@admin.register(SourceRun)
class SourceRunAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["started", "source", "outcome", "http_status", "items", "new_items", "error", "note"]
    list_filter = ["outcome"]
    date_hierarchy = "started"
    readonly_fields = [f.name for f in SourceRun._meta.fields]
