"""Public URLs. They are stable interfaces: story URLs never change once published."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.views.decorators.http import condition

from wiredesk.site import article, views
from wiredesk.site.feeds import AtomFeed, RssFeed
from wiredesk.site.jsonfeed import json_feed
from wiredesk.site.scopes import feed_etag, feed_last_modified
from wiredesk.site.sitemaps import SITEMAPS, news_sitemap

app_name = "site"

_conditional = condition(etag_func=feed_etag, last_modified_func=feed_last_modified)
_rss, _atom = _conditional(RssFeed()), _conditional(AtomFeed())
_site, _section, _agency = {"scope": "site"}, {"scope": "section"}, {"scope": "agency"}

urlpatterns = [
    path("", views.home, name="home"),
    path("story/<int:pk>/<str:slug>/", article.story, name="story"),
    path("section/<slug:slug>/", views.section, name="section"),
    path("agency/<slug:slug>/", views.agency, name="agency"),
    path("search/", views.search, name="search"),
    path("feeds/rss/", _rss, _site, name="site-rss"),
    path("feeds/atom/", _atom, _site, name="site-atom"),
    path("feeds/json/", json_feed, _site, name="site-json"),
    path("section/<slug:slug>/rss/", _rss, _section, name="section-rss"),
    path("section/<slug:slug>/atom/", _atom, _section, name="section-atom"),
    path("section/<slug:slug>/feed.json", json_feed, _section, name="section-json"),
    path("agency/<slug:slug>/rss/", _rss, _agency, name="agency-rss"),
    path("agency/<slug:slug>/atom/", _atom, _agency, name="agency-atom"),
    path("agency/<slug:slug>/feed.json", json_feed, _agency, name="agency-json"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS, "template_name": "site/sitemap.xml"}, name="sitemap"),
    path("news-sitemap.xml", news_sitemap, name="news-sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
]
