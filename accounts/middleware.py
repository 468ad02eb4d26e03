from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.mfa import has_mfa, requires_mfa

# Pages a person who must set up a second factor can still reach.
MFA_SETUP_VIEWS = frozenset(
    {
        "mfa_index",
        "mfa_activate_totp",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_add_webauthn",
        "mfa_download_recovery_codes",
        "account_reauthenticate",
        "account_logout",
        "accounts:sign_out",
        "healthz",
        "readyz",
    }
)
# The admins' own password forms would skip the second factor: their submissions go to ours.
ADMIN_LOGIN_VIEWS = frozenset({"wagtailadmin_login", "admin:login"})
# allauth writes how the person signed in into the session at every sign-in it handles.
ALLAUTH_SIGN_IN_RECORDS = "account_authentication_methods"


class RequireStaffMFAMiddleware:
    """Send staff and officers (accounts.mfa.requires_mfa) without a second factor to set
    one up before anything else.

    It acts on sessions started by a sign-in (allauth's records are in the session), so
    every real sign-in is covered, including someone made staff after signing in, while
    the test client's force_login stays a plain session. Since the Wagtail and Django
    admin password forms would start a session without the second factor, a submission
    of either is sent to the portal's sign-in instead.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        view_name = match.view_name if match else ""
        if view_name in ADMIN_LOGIN_VIEWS and request.method == "POST":
            query = urlencode({"next": request.GET.get("next", "/cms/")})
            return HttpResponseRedirect(f"{reverse('accounts:sign_in')}?{query}", status=303)
        user = request.user
        if (
            not user.is_authenticated
            or ALLAUTH_SIGN_IN_RECORDS not in request.session
            or view_name in MFA_SETUP_VIEWS
            or not requires_mfa(user)
            or has_mfa(user)
        ):
            return None
        messages.warning(
            request,
            _(
                "Staff and officer accounts need two-step verification. "
                "Set up an authenticator app first."
            ),
        )
        return HttpResponseRedirect(reverse("mfa_activate_totp"))


# Pages with a form that starts the national digital-ID login, whose answer is a redirect
# to the identity provider: the Content-Security-Policy's form-action must allow it.
NATIONAL_ID_FORM_VIEWS = frozenset(
    {"accounts:sign_in", "account_login", "accounts:my_account", "openid_connect_login"}
)


def national_id_origin() -> str:
    """Return the configured identity provider's origin (scheme://host:port), or ""."""
    apps = settings.SOCIALACCOUNT_PROVIDERS.get("openid_connect", {}).get("APPS", [])
    if not apps:
        return ""
    parts = urlsplit(apps[0]["settings"]["server_url"])
    return f"{parts.scheme}://{parts.netloc}"


class AllowNationalIdRedirectMiddleware:
    """Let the sign-in forms post to a view that redirects to the identity provider.

    Chromium applies form-action to the redirects that follow a form submission, and the
    portal's policy allows only its own origin.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = request.resolver_match
        if match and match.view_name in NATIONAL_ID_FORM_VIEWS and (origin := national_id_origin()):
            response._csp_update = {"form-action": [origin]}  # read by django-csp
        return response
