"""Admin-only desk pages: agencies and their licence rules (``/desk/agencies/``).

Editors get 403 here. The rules are saved through ``services.set_licence``.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from wiredesk.desk.access import admin_required
from wiredesk.desk.forms import LicenceForm
from wiredesk.exceptions import WiredeskError
from wiredesk.stories import services
from wiredesk.stories.models import Agency


@require_safe
@admin_required
def agency_list(request: HttpRequest) -> HttpResponse:
    return render(request, "desk/agencies.html", {"agencies": Agency.objects.all()})


@require_http_methods(["GET", "HEAD", "POST"])
@admin_required
def agency_licence(request: HttpRequest, slug: str) -> HttpResponse:
    agency = get_object_or_404(Agency, slug=slug)
    initial = {
        "attribution": agency.attribution,
        "expire_after_days": agency.expire_after_days,
        "provenance_unedited": agency.provenance_unedited,
        "provenance_edited": agency.provenance_edited,
    }
    form = LicenceForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_licence(agency, **form.cleaned_data)
        except WiredeskError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Licence rules of {agency.name} saved.")
            return redirect("desk:agencies")
    return render(request, "desk/agency_licence.html", {"agency": agency, "form": form})
