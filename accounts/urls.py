"""Sala's own account pages, in the "accounts" namespace.

The header links to accounts:sign_in, accounts:sign_out and accounts:my_account; the first
two are allauth's views, so they behave like allauth's own URLs (see allauth_urls.py).
"""

from __future__ import annotations

from allauth.account import views as allauth_views
from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", allauth_views.login, name="sign_in"),
    path("sign-out/", allauth_views.logout, name="sign_out"),
    path("", views.my_account, name="my_account"),
    path("profile/", views.profile, name="profile"),
    path("profile/change/", views.profile_edit, name="profile_edit"),
    path("profile/download/", views.profile_download, name="profile_download"),
    path("profile/close/", views.profile_close, name="profile_close"),
]
