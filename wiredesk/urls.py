"""Root URL configuration: the site, the desk, the API and Django admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("desk/", include("wiredesk.desk.urls")),
    path("api/", include("wiredesk.api.urls")),
    path("sources/", include("wiredesk.sources.urls")),
    path("tag/", include("wiredesk.enrich.urls")),
    path("", include("wiredesk.site.urls")),
]
