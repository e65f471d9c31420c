"""Tag pages and their feeds: ``/tag/<kind>/<slug>/`` (mounted under ``tag/``)."""

from django.urls import path

from wiredesk.enrich import views
from wiredesk.enrich.feeds import TagAtomFeed, TagRssFeed

app_name = "enrich"

urlpatterns = [
    path("<str:kind>/<str:slug>/", views.tag_page, name="tag"),
    path("<str:kind>/<str:slug>/rss/", TagRssFeed(), name="tag-rss"),
    path("<str:kind>/<str:slug>/atom/", TagAtomFeed(), name="tag-atom"),
]
