"""Addresses without a language prefix: what search engines ask for at the site's root."""

from __future__ import annotations

from django.urls import path

from content import views

urlpatterns = [
    path("sitemap.xml", views.sitemap, name="content_sitemap"),
    path("robots.txt", views.robots, name="content_robots"),
]
