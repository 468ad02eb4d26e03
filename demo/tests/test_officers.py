"""The demo officers get their roles and a second factor the demo can use."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator

from accounts.officers import offices_of
from accounts.tests.conftest import _fresh_rate_limits  # noqa: F401 - autouse
from accounts.tests.totp import totp_code
from demo.accounts import demo_passwords, load_demo_accounts
from demo.officers import DEMO_TOTP_SECRET, load_demo_officers
from geo.tests.factories import create_area, create_facility

pytestmark = pytest.mark.django_db


@pytest.fixture
def daun_penh(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    province = create_area("12", "Phnom Penh", "ភ្នំពេញ")
    district = create_area("1202", "Doun Penh", "ដូនពេញ", province)
    commune = create_area("120201", "Phsar Thmei Ti Muoy", "ផ្សារថ្មីទី១", district)
    create_facility(commune, "commune-hall", code="commune-hall-120201")
    create_facility(district, "district-office", code="district-office-1202")
    load_demo_accounts()


def test_demo_officers_have_their_offices_and_the_demo_totp(client, daun_penh):
    counts = load_demo_officers()
    assert counts.roles == 7  # the editor's ministry is not in this small gazetteer
    assert [office.code for office in offices_of_user("head")] == ["district-office-1202"]
    assert [office.code for office in offices_of_user("chief")] == ["commune-hall-120201"]

    client.post("/en/account/sign-in/", {"login": "clerk", "password": demo_passwords()["clerk"]})
    response = client.post("/en/account/2fa/authenticate/", {"code": totp_code(DEMO_TOTP_SECRET)})
    assert response.status_code == 302
    assert client.get("/en/account/offices/").status_code == 200

    again = load_demo_officers()
    assert (again.roles, again.second_factors, again.organisations) == (0, 0, 0)
    assert (
        Authenticator.objects.filter(type=Authenticator.Type.TOTP).count() == counts.second_factors
    )


def offices_of_user(username: str):
    from accounts.models import User

    return offices_of(User.objects.get(username=username))
