"""Root URL configuration: the site, the desk, the API and Django admin.

``admin/login/`` comes before the admin's own URLs: the same view, behind the desk's login
throttle (``wiredesk.desk.auth.admin_login``).
"""

from django.contrib import admin
from django.urls import include, path

from wiredesk.desk.auth import admin_login

urlpatterns = [
    path("admin/login/", admin_login, name="admin-login"),
    path("admin/", admin.site.urls),
    path("desk/", include("wiredesk.desk.urls")),
    path("api/", include("wiredesk.api.urls")),
    path("sources/", include("wiredesk.sources.urls")),
    path("", include("wiredesk.site.urls")),
]
