"""The OpenID Connect nonce of a national digital-ID sign-in.

allauth's OpenID Connect provider sends a `state` (kept in the person's session, checked
on the way back) and PKCE, but no `nonce`, so nothing ties the ID token itself to this
sign-in. Sala adds one: the authorization request carries `nonce` = an HMAC of the
sign-in's state under the portal's secret key (`login` wraps allauth's view and adds it to
the redirect), and the ID token must name that nonce (`check`, called by the social
account adapter before anything is saved). An ID token replayed from another sign-in, or
issued for another client, is refused.
"""

from __future__ import annotations

import hmac
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.helpers import render_authentication_error
from allauth.socialaccount.models import SocialLogin
from allauth.socialaccount.providers.base.constants import AuthError
from allauth.socialaccount.providers.openid_connect import views as oidc_views
from django.http import HttpRequest, HttpResponse
from django.utils.crypto import salted_hmac

SALT = "accounts.nonces"


class NonceMismatch(Exception):
    """The ID token does not name the nonce of this sign-in."""


def nonce_for(state_id: str) -> str:
    return salted_hmac(SALT, state_id, algorithm="sha256").hexdigest()


def with_nonce(url: str) -> str:
    """Return the authorization URL with the nonce of its state added."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    state = dict(query).get("state")
    if not state:
        return url
    query = [(key, value) for key, value in query if key != "nonce"]
    query.append(("nonce", nonce_for(state)))
    return urlunsplit(parts._replace(query=urlencode(query)))


def login(request: HttpRequest, provider_id: str) -> HttpResponse:
    """allauth's "Sign in with <provider>" view, whose redirect carries a nonce."""
    response = oidc_views.login(request, provider_id)
    if response.status_code in (301, 302, 303) and "state=" in response.get("Location", ""):
        response["Location"] = with_nonce(response["Location"])
    return response


def check(request: HttpRequest, sociallogin: SocialLogin) -> None:
    """Refuse (with the authentication error page) an ID token without this sign-in's nonce."""
    id_token = sociallogin.account.extra_data.get("id_token")
    if id_token is None:
        return  # no ID token at all: allauth refuses that itself
    state_id = request.GET.get("state") or request.POST.get("state") or ""
    named = str(id_token.get("nonce") or "")
    if state_id and hmac.compare_digest(named, nonce_for(state_id)):
        return
    raise ImmediateHttpResponse(
        render_authentication_error(
            request,
            sociallogin.account.get_provider(),
            error=AuthError.UNKNOWN,
            exception=NonceMismatch("the ID token does not name this sign-in's nonce"),
        )
    )
