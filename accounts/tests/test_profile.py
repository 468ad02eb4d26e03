from __future__ import annotations

import datetime

import pytest

from accounts.models import User
from accounts.tests.factories import create_user
from geo.tests.factories import create_area, create_tree

pytestmark = pytest.mark.django_db

PROFILE_URLS = [
    "/en/account/profile/",
    "/en/account/profile/change/",
    "/en/account/profile/download/",
    "/en/account/profile/close/",
]


def valid_form(**changes) -> dict[str, str]:
    data = {
        "name_km": "សុខ ដារា",
        "name_latin": "SOK DARA",
        "date_of_birth": "1990-04-17",
        "sex": "female",
        "national_id": "0123 456 789",
        "mobile": "012 345 678",
        "home_area": "171001",
        "preferred_language": "km",
    }
    data.update(changes)
    return data


@pytest.fixture
def dara():
    return create_user("dara")


@pytest.fixture
def tree():
    return create_tree()


@pytest.mark.parametrize("url", PROFILE_URLS)
def test_visitors_are_asked_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"/en/account/sign-in/?next={url}")


def test_a_citizen_sees_their_profile(client, dara, tree):
    dara.name_km, dara.mobile, dara.home_area = "សុខ ដារា", "+85512345678", tree.commune
    dara.save()
    client.force_login(dara)
    response = client.get("/en/account/profile/")
    assert response.status_code == 200
    assert "សុខ ដារា" in response.text
    assert "012 345 678" in response.text
    assert "Sla Kram" in response.text
    assert "Not verified" in response.text
    assert response["Cache-Control"].startswith("max-age=0")


def test_khmer_pages_show_numbers_in_khmer_digits(client, dara):
    dara.national_id = "012345678"
    dara.save()
    client.force_login(dara)
    assert "០១២៣៤៥៦៧៨" in client.get("/km/account/profile/").text


def test_saving_the_profile_stores_the_normalised_values(client, dara, tree):
    client.force_login(dara)
    response = client.post("/en/account/profile/change/", valid_form())
    assert response.status_code == 302
    assert response["Location"] == "/en/account/profile/"
    dara.refresh_from_db()
    assert dara.name_km == "សុខ ដារា"
    assert dara.name_latin == "SOK DARA"
    assert dara.date_of_birth == datetime.date(1990, 4, 17)
    assert dara.sex == User.Sex.FEMALE
    assert dara.national_id == "0123456789"
    assert dara.mobile == "+85512345678"
    assert dara.home_area == tree.commune
    assert "Your profile has been saved." in client.get(response["Location"]).text


def test_the_form_shows_the_stored_values_as_people_write_them(client, dara, tree):
    dara.mobile, dara.home_area = "+85512345678", tree.village
    dara.save()
    client.force_login(dara)
    page = client.get("/en/account/profile/change/").text
    assert 'value="012 345 678"' in page
    assert 'value="17100101"' in page


def test_a_home_area_can_be_given_by_its_exact_name(client, dara, tree):
    client.force_login(dara)
    client.post("/en/account/profile/change/", valid_form(home_area="sala kamraeuk"))
    dara.refresh_from_db()
    assert dara.home_area == tree.other_commune


def test_an_ambiguous_area_name_lists_the_codes_to_choose_from(client, dara, tree):
    client.force_login(dara)
    response = client.post("/en/account/profile/change/", valid_form(home_area="Sla Kram"))
    assert response.status_code == 200
    assert "171001" in response.text
    assert "17100101" in response.text
    dara.refresh_from_db()
    assert dara.home_area is None


def test_bad_input_is_explained_and_nothing_entered_is_lost(client, dara, tree):
    client.force_login(dara)
    typed = valid_form(
        name_km="Sok Dara",
        name_latin="សុខ",
        date_of_birth_day="31",
        date_of_birth_month="2",
        date_of_birth_year="1990",
        national_id="1234",
        mobile="023 123 456",
        home_area="99999999",
    )
    response = client.post("/en/account/profile/change/", typed)
    assert response.status_code == 200
    page = response.text
    assert page.count('class="error-summary"') == 1
    assert "<title>Error:" in page
    errors = response.context["form"].errors
    assert set(errors) == {
        "name_km",
        "name_latin",
        "date_of_birth",
        "national_id",
        "mobile",
        "home_area",
    }
    for value in ("Sok Dara", "សុខ", "31", "1990", "023 123 456", "99999999"):
        assert f'value="{value}"' in page
    assert 'href="#id_mobile"' in page
    dara.refresh_from_db()
    assert dara.name_km == ""
    assert dara.mobile == ""


def test_a_mobile_number_can_belong_to_one_account_only(client, dara):
    create_user("bopha", mobile="+85512345678")
    client.force_login(dara)
    response = client.post("/en/account/profile/change/", valid_form(home_area=""))
    assert "This mobile number belongs to another account." in response.text
    dara.refresh_from_db()
    assert dara.mobile == ""


def test_empty_optional_fields_are_fine_and_many_accounts_have_no_mobile(client, dara):
    create_user("bopha")
    client.force_login(dara)
    empty = {name: "" for name in valid_form()}
    response = client.post("/en/account/profile/change/", {**empty, "preferred_language": "en"})
    assert response.status_code == 302
    dara.refresh_from_db()
    assert dara.preferred_language == "en"
    assert User.objects.filter(mobile="").count() == 2


def test_a_deleted_area_leaves_the_profile_without_a_home_area(dara):
    province = create_area("12", "Phnom Penh", "ភ្នំពេញ")
    dara.home_area = province
    dara.save()
    province.delete()
    dara.refresh_from_db()
    assert dara.home_area is None


def test_a_changed_mobile_number_needs_verifying_again(client, dara):
    dara.mobile, dara.mobile_verified = "+85512345678", True
    dara.save()
    client.force_login(dara)
    client.post("/en/account/profile/change/", valid_form(mobile="098 765 432", home_area=""))
    dara.refresh_from_db()
    assert (dara.mobile, dara.mobile_verified) == ("+85598765432", False)
