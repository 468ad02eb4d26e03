"""allauth's URLs (not namespaced: allauth reverses names like "account_login").

Sign in and sign out live at our own paths. They come last because, when two patterns
share a name, reverse() picks the last; allauth's "login/" and "logout/" still answer.
The two one-time-code pages and "Sign in with <provider>" come first, so that our
wrappers (accounts.codes, accounts.nonces) answer their paths.
"""

from __future__ import annotations

from allauth.account import views as allauth_views
from django.urls import include, path

from accounts import codes, nonces

urlpatterns = [
    path("phone/verify/", codes.verify_phone_explaining_expiry, name="account_verify_phone"),
    path(
        "login/code/confirm/",
        codes.confirm_login_code_explaining_expiry,
        name="account_confirm_login_code",
    ),
    path("oidc/<str:provider_id>/login/", nonces.login, name="openid_connect_login"),
    path("", include("allauth.urls")),
    path("sign-in/", allauth_views.login, name="account_login"),
    path("sign-out/", allauth_views.logout, name="account_logout"),
]
