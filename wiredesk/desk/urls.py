"""URLs of the desk, under /desk/. Every view checks the role (see ``access.py``)."""

from django.urls import path

from wiredesk.desk import agencies, auth, rules, sources, story_views, views

app_name = "desk"
urlpatterns = [
    path("", views.queue_page, name="queue"),
    path("queue/rows/", views.queue_rows, name="queue-rows"),
    path("story/<int:pk>/", story_views.story_page, name="story"),
    path("story/<int:pk>/<slug:action>/", story_views.act, name="act"),
    path("log/", views.log, name="log"),
    path("agencies/", agencies.agency_list, name="agencies"),
    path("agencies/<slug:slug>/", agencies.agency_licence, name="agency"),
    path("rules/", rules.rule_list, name="rules"),
    path("rules/new/", rules.rule_new, name="rule-new"),
    path("rules/<int:pk>/", rules.rule_edit, name="rule"),
    path("rules/<int:pk>/move/", rules.rule_move, name="rule-move"),
    path("sources/", sources.source_list, name="sources"),
    path("sources/new/", sources.source_new, name="source-new"),
    path("sources/<int:pk>/", sources.source_edit, name="source"),
    path("sources/<int:pk>/toggle/", sources.source_toggle, name="source-toggle"),
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth.LogoutView.as_view(), name="logout"),
]
