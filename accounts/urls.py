"""Sala's own account pages, in the "accounts" namespace.

The header links to accounts:sign_in, accounts:sign_out and accounts:my_account; the first
two are allauth's views, so they behave like allauth's own URLs (see allauth_urls.py).
"""

from __future__ import annotations

from allauth.account import views as allauth_views
from django.urls import path

from accounts import officer_views, organisation_views, views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", allauth_views.login, name="sign_in"),
    path("sign-out/", allauth_views.logout, name="sign_out"),
    path("", views.my_account, name="my_account"),
    path("profile/", views.profile, name="profile"),
    path("profile/change/", views.profile_edit, name="profile_edit"),
    path("profile/download/", views.profile_download, name="profile_download"),
    path("profile/close/", views.profile_close, name="profile_close"),
    path("profile/data-use/", views.data_use, name="data_use"),
    path("organisations/", organisation_views.organisation_list, name="organisations"),
    path(
        "organisations/<int:organisation_id>/",
        organisation_views.organisation_detail,
        name="organisation",
    ),
    path(
        "organisations/<int:organisation_id>/members/<int:member_id>/remove/",
        organisation_views.member_remove,
        name="member_remove",
    ),
    path(
        "organisations/<int:organisation_id>/invitations/<int:invitation_id>/withdraw/",
        organisation_views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("invitations/<str:token>/", organisation_views.invitation, name="invitation"),
    path("acting-for/", organisation_views.act_for, name="act_for"),
    path("offices/", officer_views.office_list, name="offices"),
    path("offices/<slug:code>/", officer_views.office_officers, name="office_officers"),
    path("offices/<slug:code>/audit/", officer_views.office_audit, name="office_audit"),
    path(
        "offices/<slug:code>/roles/<int:membership_id>/end/",
        officer_views.office_membership_end,
        name="office_membership_end",
    ),
]
