from __future__ import annotations

from django.urls import path, re_path

from content import feeds, views

app_name = "content"

urlpatterns = [
    path("", views.home, name="home"),
    path("opensearch.xml", views.opensearch, name="opensearch"),
    re_path(r"^feeds/news\.(?P<fmt>rss|atom)$", feeds.news_feed, name="news_feed"),
    re_path(
        r"^feeds/(?P<kind>institution|area|topic)/(?P<key>[-\w]+)/news\.(?P<fmt>rss|atom)$",
        feeds.news_feed,
        name="feed",
    ),
]
