"""Source endpoints, mounted at ``/sources/``: push, the WebSub callback, the health page."""

from django.urls import path

from wiredesk.sources import views

app_name = "sources"
urlpatterns = [
    path("health/", views.health, name="health"),
    path("<int:source_id>/push/", views.push, name="push"),
    path("<int:source_id>/websub/", views.websub_callback, name="websub"),
]
