from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

from allauth.core.exceptions import RateLimited
from django.conf import settings
from django.contrib import messages
from django.contrib.admin import AdminSite
from django.contrib.auth import logout
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.mfa import has_mfa, request_requires_mfa, set_up_since
from accounts.sessions import ALLAUTH_SIGN_IN_RECORDS, session_ended, sign_in_times
from core.views import too_many_requests

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)

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


def is_other_login_view(view_func: Callable) -> bool:
    """Return True for a password form that Django or Wagtail mount besides allauth's:
    Django's LoginView and its subclasses (Wagtail's page login at /<lang>/_util/login/
    and the Wagtail admin's) and an AdminSite's login. Each would start a session
    without the lockout, the rate limits and the second factor."""
    view_class = getattr(view_func, "view_class", None)
    if isinstance(view_class, type) and issubclass(view_class, LoginView):
        return True
    return isinstance(getattr(view_func, "__self__", None), AdminSite) and (
        getattr(view_func, "__name__", "") == "login"
    )


def second_factor_recorded(request: HttpRequest) -> bool:
    """Return True if allauth recorded a second factor in this session's sign-in."""
    return any(
        isinstance(record, dict) and record.get("method") == "mfa"
        for record in request.session.get(ALLAUTH_SIGN_IN_RECORDS) or []
    )


def completed_second_factor(request: HttpRequest, user: User) -> bool:
    """Return True if this session's sign-in included a second factor, or if the person
    set one up after signing in (allauth asks for a code from it to set it up)."""
    if second_factor_recorded(request):
        return True
    times = sign_in_times(request)
    return bool(times) and set_up_since(user, min(times))


def to_sign_in(request: HttpRequest, next_url: str) -> HttpResponseRedirect:
    query = urlencode({"next": next_url})
    status = 302 if request.method in ("GET", "HEAD") else 303
    return HttpResponseRedirect(f"{reverse('accounts:sign_in')}?{query}", status=status)


class OfficerSessionTimeoutMiddleware:
    """End a staff or officer session that is too old or idle (accounts.sessions), and
    ask the person to sign in again, coming back to the page they asked for. Whether the
    person is an officer is asked at each request: a role granted since the sign-in
    counts at once."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and session_ended(request, request_requires_mfa(request)):
            next_url = request.get_full_path()
            logout(request)
            messages.info(
                request,
                _(
                    "For the safety of the people whose cases you handle, officer sessions "
                    "end after a while. Please sign in again."
                ),
            )
            return to_sign_in(request, next_url)
        return self.get_response(request)


class RequireStaffMFAMiddleware:
    """Every session goes through the portal's sign-in, and staff and officers
    (accounts.mfa.requires_mfa) get nothing without a second factor.

    - Django's and Wagtail's own password forms (is_other_login_view) send people to the
      portal's sign-in, on GET and POST alike: no session starts there.
    - A staff or officer session whose sign-in included a second factor goes on.
    - One that signed in through allauth with a password only, and has no second factor
      yet, may only set one up (someone made staff after signing in included).
    - Any other staff or officer session (started by a view that is not allauth's, or
      without the second factor it has) is ended, and the person is asked to sign in.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if is_other_login_view(view_func):
            return to_sign_in(request, request.GET.get("next", "/cms/"))
        user = request.user
        # The second factor's record first: it needs no query, so officers' pages cost
        # none more.
        if not user.is_authenticated or second_factor_recorded(request):
            return None
        if not request_requires_mfa(request) or completed_second_factor(request, user):
            return None
        match = request.resolver_match
        view_name = match.view_name if match else ""
        if ALLAUTH_SIGN_IN_RECORDS in request.session and not has_mfa(user):
            if view_name in MFA_SETUP_VIEWS:
                return None
            messages.warning(
                request,
                _(
                    "Staff and officer accounts need two-step verification. "
                    "Set up an authenticator app first."
                ),
            )
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        logger.warning("staff session without a second factor ended", extra={"user_id": user.pk})
        logout(request)
        messages.warning(
            request,
            _("Staff and officer accounts sign in with two-step verification. Sign in again."),
        )
        return to_sign_in(request, request.get_full_path())


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
            # django-csp reads this attribute, which its own csp_update decorator sets the
            # same way: HttpResponse declares no such attribute.
            response._csp_update = {"form-action": [origin]}  # type: ignore[attr-defined]
        return response


class RateLimitedMiddleware:
    """allauth's limits that raise (a second SMS code within 30 seconds of the first, as
    when someone signs in twice in a row) answer with the portal's 429 page, in Khmer
    and English, instead of a server error."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, RateLimited):
            logger.info("allauth rate limit reached", extra={"path": request.path})
            return too_many_requests(request, exception)
        return None
