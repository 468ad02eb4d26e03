"""Every way into a session goes through the portal's sign-in (issue 15, item 1).

The routes are found by walking the URL resolver, so a sign-in route that Django, Wagtail
or allauth mount later fails `test_every_sign_in_route_is_classified` until it is looked
at here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from accounts.tests.factories import PASSWORD, create_user
from accounts.tests.totp import totp_code

pytestmark = pytest.mark.django_db

SIGN_IN_WORDS = re.compile(r"login|sign.?in|authenticate", re.IGNORECASE)

# allauth's own steps of the one sign-in: each may start a session only after the
# lockout, the rate limits and (for staff and officers) the second factor.
ALLAUTH_STEPS = {
    "sign_in",
    "account_login",
    "account_confirm_login_code",
    "account_request_login_code",
    "account_reauthenticate",
    "mfa_authenticate",
    "mfa_reauthenticate",
    "mfa_reauthenticate_webauthn",
    "mfa_login_webauthn",
    "socialaccount_login_cancelled",
    "socialaccount_login_error",
    "openid_connect_login",
    "openid_connect_callback",
    "",  # the old social/login/cancelled and error addresses, redirects to the two above
}
# Django's and Wagtail's own password forms: sent to the portal's sign-in.
SENT_TO_THE_PORTALS_SIGN_IN = {"wagtailadmin_login", "login", "wagtailcore_login"}
# Passwords that open one private page or document of the CMS; they start no user session.
PAGE_PASSWORDS = {
    "wagtailcore_authenticate_with_password",
    "wagtaildocs_authenticate_with_password",
}


def sign_in_routes() -> list[tuple[str, str]]:
    """Return (address, name) of every route whose address, name or view says sign-in."""

    def walk(resolver: URLResolver, prefix: str):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern), pattern

    found = []
    for route, pattern in walk(get_resolver(), "/"):
        view = pattern.callback
        described = " ".join(
            [
                route,
                pattern.name or "",
                getattr(view, "__module__", ""),
                getattr(view, "__name__", ""),
            ]
        )
        if SIGN_IN_WORDS.search(described):
            found.append((concrete(route), pattern.name or ""))
    return found


def concrete(route: str) -> str:
    """Return an address for a route: 1 for numbers, the national-ID provider's id."""
    route = re.sub(r"<int:[^>]+>", "1", route)
    route = re.sub(r"\^\(\?P<provider_id>[^)]*\)", "national-id", route)
    return route.replace("^", "").replace("$", "")


ROUTES = sign_in_routes()


@pytest.fixture
def officer():
    """Staff with an authenticator app, as every officer has."""
    user = create_user("sophea", is_staff=True, is_superuser=True)
    TOTP.activate(user, generate_totp_secret())
    return user


def post_password(client, address: str, user):
    """POST the person's right password under every field name a sign-in form uses."""
    return client.post(
        address,
        {
            "login": user.username,
            "username": user.username,
            "email": user.email,
            "password": PASSWORD,
            "code": "000000",
        },
    )


def test_every_sign_in_route_is_classified():
    names = {name for _address, name in ROUTES}
    assert "wagtailcore_login" in names  # the walk finds Wagtail's page-login route
    assert names == ALLAUTH_STEPS | SENT_TO_THE_PORTALS_SIGN_IN | PAGE_PASSWORDS


@pytest.mark.parametrize(("address", "name"), ROUTES, ids=[address for address, _ in ROUTES])
def test_no_route_gives_an_officer_a_session_for_the_password_alone(client, officer, address, name):
    client.get(address)
    response = post_password(client, address, officer)
    assert "_auth_user_id" not in client.session
    if name in SENT_TO_THE_PORTALS_SIGN_IN:
        assert response.status_code == 303
        assert response["Location"].startswith("/km/account/sign-in/?next=")
    assert client.get("/cms/").status_code == 302
    assert client.get("/django-admin/").status_code == 302


@pytest.mark.parametrize("name", sorted(SENT_TO_THE_PORTALS_SIGN_IN))
def test_the_other_password_forms_are_not_even_shown(client, name):
    address = next(address for address, route_name in ROUTES if route_name == name)
    response = client.get(f"{address}?next=/cms/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/km/account/sign-in/?next=%2Fcms%2Fpages%2F"


@pytest.mark.parametrize(("address", "name"), ROUTES, ids=[address for address, _ in ROUTES])
def test_a_locked_account_signs_in_by_no_route(client, address, name):
    user = create_user("dara")
    user.sign_in_locked_until = timezone.now() + timezone.timedelta(minutes=30)
    user.save(update_fields=["sign_in_locked_until"])
    post_password(client, address, user)
    assert "_auth_user_id" not in client.session


def test_a_hundred_wrong_passwords_end_in_429_and_the_right_one_is_refused(client, officer):
    statuses = [
        client.post("/en/account/sign-in/", {"login": "sophea", "password": "wrong"}).status_code
        for _ in range(100)
    ]
    assert statuses[0] == 200
    assert statuses[-1] == 429
    response = client.post("/en/account/sign-in/", {"login": "sophea", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_officer_with_the_second_factor_reaches_the_back_office(client, officer):
    client.post("/en/account/sign-in/", {"login": "sophea", "password": PASSWORD})
    secret = officer.authenticator_set.get(type="totp").wrap().instance.data["secret"]
    client.post("/en/account/2fa/authenticate/", {"code": totp_code(secret)})
    assert client.get("/cms/").status_code == 200
    assert client.get("/django-admin/").status_code == 200


def test_a_session_started_by_any_other_view_gets_nothing(client, officer):
    """Whichever view made it: a session logged in without allauth's records."""
    client.force_login(officer, second_factor=False)
    for address in ("/cms/", "/django-admin/", "/en/account/", "/en/account/2fa/totp/activate/"):
        response = client.get(address)
        assert response.status_code == 302, address
        assert "/account/sign-in/?next=" in response["Location"]
        assert "_auth_user_id" not in client.session
        client.force_login(officer, second_factor=False)


def test_a_password_only_allauth_session_of_someone_with_a_second_factor_gets_nothing(
    client, officer
):
    client.force_login(officer, second_factor=False)
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "password", "at": timezone.now().timestamp() + 5}
    ]
    session.save()
    assert client.get("/cms/")["Location"].startswith("/km/account/sign-in/")


def test_a_citizen_session_from_any_view_is_left_alone(client):
    citizen = create_user("dara")
    client.force_login(citizen, second_factor=False)
    assert client.get("/en/account/").status_code == 200


def test_the_gate_is_in_the_production_settings():
    """The production settings module, loaded as a deployment loads it."""
    script = (
        "import django.conf as c; import sala.settings.production as p; "
        "print(p.MIDDLEWARE.index('accounts.middleware.RequireStaffMFAMiddleware') > "
        "p.MIDDLEWARE.index('django.contrib.auth.middleware.AuthenticationMiddleware'))"
    )
    env = {
        "SALA_ENV": "production",
        "SECRET_KEY": "p" * 30 + "roduction-key-with-enough-variety-0123456789",
        "ALLOWED_HOSTS": "sala.gov.kh",
        "SALA_SMS_PROVIDER": "http",
        "SALA_SMS_HTTP_URL": "https://sms.example.org/send",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.strip() == "True", result.stderr
