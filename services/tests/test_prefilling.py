"""Fields that ask what the person's account already holds are filled from it and say so;
the person may change them; nothing is filled where the account holds nothing."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.tests.factories import create_user
from services.tests.factories import create_application, create_service, definition

pytestmark = pytest.mark.django_db


def sourced_form() -> dict:
    form = definition()
    fields = form["pages"][0]["fields"]
    fields[0]["source"] = "account.name"
    fields[1]["source"] = "account.phone"
    fields.append({"key": "date_of_birth", "type": "date", "source": "account.date_of_birth",
                   "label": {"km": "ថ្ងៃខែឆ្នាំកំណើត", "en": "Date of birth"}})  # fmt: skip
    return form


@pytest.fixture
def dara(client):
    user = create_user(
        "dara",
        name_km="សុខ ដារា",
        name_latin="SOK DARA",
        mobile="+85512345678",
        date_of_birth=datetime.date(1990, 5, 17),
    )
    client.force_login(user)
    return user


def about(client, application, language="en"):
    with translation.override(language):
        return client.get(reverse("services:page", args=[application.public_id, "about"]))


def test_the_name_phone_and_birth_date_come_from_the_account_and_say_so(client, dara):
    application = create_application(dara, create_service(form=sourced_form()))
    page = about(client, application).text
    assert 'value="SOK DARA"' in page and 'value="សុខ ដារា"' in page
    assert "12345678" in page
    assert 'value="1990"' in page or "1990-05-17" in page
    assert page.count("From your account") == 3


def test_the_khmer_page_says_from_your_account_in_khmer(client, dara):
    application = create_application(dara, create_service(form=sourced_form()))
    page = about(client, application, "km").text
    assert "From your account" not in page
    assert page.count("ពីគណនីរបស់អ្នក") == 3


def test_a_changed_value_is_the_answer(client, dara):
    application = create_application(dara, create_service(form=sourced_form()))
    url = reverse("services:page", args=[application.public_id, "about"])
    with translation.override("en"):
        response = client.post(url, {
            "name__km": "សុខ ដារា", "name__latin": "SOK DARA", "phone": "012 999 888",
            "married": "no", "date_of_birth": "1990-05-17",
        })  # fmt: skip
    assert response.status_code == 302, response.context["form"].errors
    application.refresh_from_db()
    assert application.answers["phone"] == "+85512999888"
    page = about(client, application).text
    assert "+85512345678" not in page  # the answer, not the account, from now on


def test_what_the_account_does_not_hold_is_left_to_type(client):
    user = create_user("vanna", mobile="")
    client.force_login(user)
    application = create_application(user, create_service(form=sourced_form()))
    page = about(client, application).text
    assert "From your account" not in page
    assert "We filled in some answers" not in page
