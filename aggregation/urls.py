from __future__ import annotations

from django.urls import path

from aggregation import feeds, views

app_name = "aggregation"

urlpatterns = [
    path("", views.stream, name="stream"),
    path("feed.rss", feeds.StreamRssFeed(), name="rss"),
    path("feed.atom", feeds.StreamAtomFeed(), name="atom"),
    path("items/<int:item_id>/", views.item, name="item"),
    path("drafts/", views.drafts, name="drafts"),
    path("drafts/<int:item_id>/publish/", views.publish, name="publish"),
    path(
        "items/<int:item_id>/attachments/<int:attachment_id>/",
        views.attachment,
        name="attachment",
    ),
]
