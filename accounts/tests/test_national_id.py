"""National digital-ID login through OpenID Connect, against a real provider on loopback.

The portal runs in Django's test client; the provider is django-oauth-toolkit in its own
process (standins/camdigikey), reached over HTTP both by the "browser" (a
requests session following the redirects) and by the portal's own calls to the token
and userinfo endpoints.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import pytest
import requests

from accounts import nonces
from accounts.adapter import SocialAccountAdapter
from accounts.models import User
from accounts.tests.factories import create_user
from standins.camdigikey.people import PASSWORD

pytestmark = pytest.mark.django_db

START = "/{language}/account/oidc/national-id/login/"


def start_login(client, language="en", process="login") -> str:
    """Press "Sign in with CamDigiKey"; return the provider's authorization URL."""
    response = client.post(START.format(language=language), {"process": process})
    assert response.status_code == 302, response.text[:500]
    return response["Location"]


def sign_in_at_provider(provider, authorize_url: str, username: str = "sokha") -> str:
    """Sign in at the provider as a browser would; return the portal callback URL."""
    browser = requests.Session()
    response = browser.get(authorize_url, allow_redirects=False)
    login_url = provider.url + response.headers["Location"]
    browser.get(login_url)
    query = parse_qs(urlsplit(login_url).query)
    response = browser.post(
        login_url,
        data={
            "username": username,
            "password": PASSWORD,
            "next": query["next"][0],
            "csrfmiddlewaretoken": browser.cookies["camdigikey_csrftoken"],
        },
        allow_redirects=False,
    )
    response = browser.get(provider.url + response.headers["Location"], allow_redirects=False)
    callback = response.headers["Location"]
    assert callback.startswith("http://testserver/"), callback
    return callback


def back_at_portal(client, callback: str, **changes: str):
    parts = urlsplit(callback)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    query.update(changes)
    return client.get(urlunsplit(("", "", parts.path, urlencode(query), "")))


def test_the_sign_in_page_offers_the_national_digital_id(client, national_id):
    page = client.get("/en/account/sign-in/").text
    assert 'action="/en/account/oidc/national-id/login/' in page
    assert "Sign in with CamDigiKey" in page


def test_a_new_citizen_signs_in_and_is_identity_verified(client, national_id):
    callback = sign_in_at_provider(national_id, start_login(client))
    response = back_at_portal(client, callback)
    assert response.status_code == 302
    assert response["Location"] == "/en/account/"
    user = User.objects.get()
    assert client.session["_auth_user_id"] == str(user.pk)
    assert user.is_identity_verified
    assert (user.name_latin, user.name_km) == ("CHAN SOKHA", "ចាន់ សុខា")
    assert user.national_id == "012345678"
    assert str(user.date_of_birth) == "1988-02-14"
    assert (user.mobile, user.mobile_verified) == ("+85512345678", True)
    assert user.preferred_language == "en"


def test_a_khmer_name_goes_into_the_khmer_name(client, national_id):
    callback = sign_in_at_provider(national_id, start_login(client, "km"), "vanna")
    assert back_at_portal(client, callback)["Location"] == "/km/account/"
    user = User.objects.get()
    assert (user.name_km, user.name_latin) == ("លី វណ្ណា", "")
    assert user.preferred_language == "km"


def test_the_same_citizen_comes_back_to_the_same_account(client, national_id):
    back_at_portal(client, sign_in_at_provider(national_id, start_login(client)))
    client.post("/en/account/sign-out/")
    User.objects.update(identity_verified_at=None)
    back_at_portal(client, sign_in_at_provider(national_id, start_login(client)))
    assert User.objects.count() == 1
    assert User.objects.get().is_identity_verified


def test_a_signed_in_citizen_links_the_national_id_to_their_account(client, national_id):
    dara = create_user("dara", name_latin="SOK DARA")
    client.force_login(dara)
    callback = sign_in_at_provider(national_id, start_login(client, process="connect"))
    back_at_portal(client, callback)
    dara.refresh_from_db()
    assert dara.is_identity_verified
    assert dara.name_latin == "SOK DARA"  # what the person wrote is kept
    assert dara.national_id == "012345678"  # what was empty is filled in
    assert User.objects.count() == 1


def test_a_signed_in_citizen_links_and_comes_back_to_the_same_account(client, national_id):
    """Linked once, the national digital ID signs in to that account afterwards."""
    dara = create_user("dara", name_latin="SOK DARA")
    client.force_login(dara)
    back_at_portal(client, sign_in_at_provider(national_id, start_login(client, process="connect")))
    client.post("/en/account/sign-out/")
    back_at_portal(client, sign_in_at_provider(national_id, start_login(client)))
    assert client.session["_auth_user_id"] == str(dara.pk)
    assert User.objects.count() == 1


def refused(response) -> bool:
    return (
        response.status_code == 401
        and "could not sign you in" in response.text
        and "_auth_user_id" not in response.wsgi_request.session
        and not User.objects.exists()
    )


def test_a_wrong_state_is_refused(client, national_id):
    callback = sign_in_at_provider(national_id, start_login(client))
    assert refused(back_at_portal(client, callback, state="forged-state"))


def test_a_callback_without_a_login_in_progress_is_refused(client, national_id):
    callback = sign_in_at_provider(national_id, start_login(client))
    client.cookies.clear()  # another browser: no state in its session
    assert refused(back_at_portal(client, callback))


def test_an_expired_code_is_refused(client, national_id):
    callback = sign_in_at_provider(national_id, start_login(client))
    national_id.expire_codes()
    assert refused(back_at_portal(client, callback))


def test_a_code_used_once_is_refused_the_second_time(client, national_id):
    callback = sign_in_at_provider(national_id, start_login(client))
    back_at_portal(client, callback)
    User.objects.all().delete()
    client.post("/en/account/sign-out/")
    client.cookies.clear()
    start_login(client)  # a new login in progress, with its own state
    assert refused(back_at_portal(client, callback))


def test_tokens_from_another_issuer_are_refused(client, national_id):
    national_id.name_issuer("http://127.0.0.1:9/not-the-configured-issuer")
    callback = sign_in_at_provider(national_id, start_login(client))
    assert refused(back_at_portal(client, callback))


def test_the_portal_asks_for_a_nonce_tied_to_the_sign_in(client, national_id):
    first = parse_qs(urlsplit(start_login(client)).query)
    second = parse_qs(urlsplit(start_login(client)).query)
    assert first["nonce"][0] == nonces.nonce_for(first["state"][0])
    assert first["nonce"] != second["nonce"]


def test_an_id_token_naming_another_nonce_is_refused(client, national_id):
    national_id.name_nonce("a-nonce-from-another-sign-in")
    callback = sign_in_at_provider(national_id, start_login(client))
    assert refused(back_at_portal(client, callback))


def test_an_id_token_of_another_sign_in_is_refused_in_khmer(client, national_id):
    """The nonce of another sign-in (its state) in the ID token: the Khmer page says so."""
    other = parse_qs(urlsplit(start_login(client, "km")).query)["nonce"][0]
    national_id.name_nonce(other)
    callback = sign_in_at_provider(national_id, start_login(client, "km"))
    response = back_at_portal(client, callback)
    assert "សេវាអត្តសញ្ញាណឌីជីថលជាតិមិនបានបញ្ជាក់ពីអត្តសញ្ញាណរបស់អ្នកទេ" in response.text
    assert "_auth_user_id" not in client.session
    assert not User.objects.exists()


def test_without_configuration_there_is_no_national_id_login(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {}
    assert "oidc/national-id" not in client.get("/en/account/sign-in/").text
    assert client.post(START.format(language="en")).status_code == 404


def test_the_sign_in_page_lets_its_form_lead_to_the_provider(client, national_id):
    policy = client.get("/en/account/sign-in/")["Content-Security-Policy"]
    directives = [directive.strip() for directive in policy.split(";")]
    assert f"form-action 'self' {national_id.url}" in directives
    assert national_id.url not in client.get("/en/")["Content-Security-Policy"]


def test_the_portal_reaches_the_provider_only_where_outbound_calls_may_go(national_id, settings):
    """allauth's discovery, token and key calls use the adapter's session: its connections
    are checked as every call out of the portal (core.outbound)."""
    discovery = f"{national_id.issuer}/.well-known/openid-configuration"
    with SocialAccountAdapter().get_requests_session() as session:
        assert session.get(discovery).json()["issuer"]
    settings.SALA_OUTBOUND_ALLOW_LOOPBACK = False  # as in production: the provider is on 127.0.0.1
    with SocialAccountAdapter().get_requests_session() as session:
        with pytest.raises(requests.ConnectionError, match="private address"):
            session.get(discovery)
