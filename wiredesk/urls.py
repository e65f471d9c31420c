"""Root URL configuration: the site, the desk, the API and Django admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("wiredesk.site.urls")),
]
