"""Public URLs. They are stable interfaces: story URLs never change once published."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.views.decorators.http import condition

from wiredesk.site import article, tags, views
from wiredesk.site.cache import cache_page
from wiredesk.site.feeds import AtomFeed, RssFeed
from wiredesk.site.jsonfeed import json_feed
from wiredesk.site.scopes import feed_etag, feed_last_modified
from wiredesk.site.sitemaps import SITEMAPS, news_sitemap

app_name = "site"

_conditional = condition(etag_func=feed_etag, last_modified_func=feed_last_modified)
_rss, _atom = cache_page(_conditional(RssFeed())), cache_page(_conditional(AtomFeed()))
_json = cache_page(json_feed)
_site, _section, _agency = {"scope": "site"}, {"scope": "section"}, {"scope": "agency"}
_sitemaps = {"sitemaps": SITEMAPS, "template_name": "site/sitemap.xml"}

urlpatterns = [
    path("", cache_page(views.home), name="home"),
    path("story/<int:pk>/<str:slug>/", cache_page(article.story), name="story"),
    path("section/<slug:slug>/", cache_page(views.section), name="section"),
    path("agency/<slug:slug>/", cache_page(views.agency), name="agency"),
    path("search/", views.search, name="search"),
    path("feeds/rss/", _rss, _site, name="site-rss"),
    path("feeds/atom/", _atom, _site, name="site-atom"),
    path("feeds/json/", _json, _site, name="site-json"),
    path("section/<slug:slug>/rss/", _rss, _section, name="section-rss"),
    path("section/<slug:slug>/atom/", _atom, _section, name="section-atom"),
    path("section/<slug:slug>/feed.json", _json, _section, name="section-json"),
    path("agency/<slug:slug>/rss/", _rss, _agency, name="agency-rss"),
    path("agency/<slug:slug>/atom/", _atom, _agency, name="agency-atom"),
    path("agency/<slug:slug>/feed.json", _json, _agency, name="agency-json"),
    path("sitemap.xml", cache_page(sitemap), _sitemaps, name="sitemap"),
    path("news-sitemap.xml", cache_page(news_sitemap), name="news-sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("tag/<str:kind>/<str:slug>/", tags.tag_page, name="tag"),
    path("tag/<str:kind>/<str:slug>/rss/", tags.TagRssFeed(), name="tag-rss"),
    path("tag/<str:kind>/<str:slug>/atom/", tags.TagAtomFeed(), name="tag-atom"),
]
