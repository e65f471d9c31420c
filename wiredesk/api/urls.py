"""URLs of the JSON API, under /api/; the OpenAPI document at /api/openapi.json describes them all."""

from django.urls import path, re_path

from wiredesk.api import openapi, read, write

app_name = "api"
urlpatterns = [
    path("openapi.json", openapi.document, name="openapi"),
    path("stories/", read.stories, name="stories"),
    path("stories/<int:pk>/", read.story, name="story"),
    path("stories/<int:pk>/versions/", read.versions, name="versions"),
    path("stories/<int:pk>/headline", write.headline, name="headline"),
    path("stories/<int:pk>/section", write.section, name="section"),
    *(path(f"stories/<int:pk>/{verb}", write.action, {"verb": verb}, name=verb) for verb in write.ACTIONS),
    path("ingest/", write.ingest, name="ingest"),
    # Anything else under /api/ answers in JSON too, not with the site's HTML 404 page.
    re_path(r"^.*$", openapi.not_found, name="not-found"),
]
