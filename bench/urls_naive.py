"""URLconf of the naive benchmark target: the naive article view at the product's path."""

from django.urls import include, path

from bench import naive

urlpatterns = [
    path("story/<int:pk>/<str:slug>/", naive.story),
    path("", include("wiredesk.site.urls")),  # the template's {% url 'site:…' %} links
]
