"""A service's form filled from the population register (the simulator on loopback): the
person sees where each value came from; a registry that fails leaves the field for the
person to type, with the reason; an answered field is not looked up again."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.tests.factories import create_user
from registries.models import Lookup
from services.submitting import check_submit_application
from services.tests.factories import create_application, create_service, definition

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(client):
    sokha = create_user("sokha", national_id="012345678")
    client.force_login(sokha)
    form = definition()
    form["pages"][0]["fields"][0]["source"] = "population.name"
    return create_application(sokha, create_service(form=form))


def about_page(client, draft, language="en"):
    with translation.override(language):
        return client.get(reverse("services:page", args=[draft.public_id, "about"]))


def test_the_name_comes_from_the_population_register_and_says_so(client, registries, draft):
    page = about_page(client, draft).text
    assert 'value="CHAN SOKHA"' in page
    assert 'value="ចាន់ សុខា"' in page
    assert "From the Population register" in page
    lookup = Lookup.objects.get()
    assert (lookup.issue, lookup.fields) == (f"draft-{draft.public_id}", ["name"])
    assert registries["population"].log[0]["issue"] == f"draft-{draft.public_id}"


def test_the_khmer_page_says_where_the_value_came_from_in_khmer(client, registries, draft):
    page = about_page(client, draft, "km").text
    assert "ពីបញ្ជីប្រជាពលរដ្ឋ" in page  # "From the Population register"


def test_a_late_registry_leaves_the_field_to_type_and_says_why(client, registries, draft):
    registries["population"].mode = "slow"
    response = about_page(client, draft)
    assert response.status_code == 200
    assert "did not answer in time. Please type the answers yourself." in response.text
    assert "CHAN SOKHA" not in response.text
    assert Lookup.objects.get().outcome == "late"


def test_an_answered_field_is_not_looked_up_again(client, registries, draft):
    draft.answers = {"name": {"km": "ចាន់ សុខា", "latin": "CHAN SOKHA"}}
    draft.save(update_fields=["answers"])
    about_page(client, draft)
    assert not Lookup.objects.exists()


def test_without_registries_the_form_is_asked_as_before(client, draft, settings):
    settings.SALA_CAMDX_REGISTRIES = {}
    page = about_page(client, draft).text
    assert "registries" not in page.lower()
    assert not Lookup.objects.exists()


def test_the_registry_is_asked_once_per_application(client, registries, draft):
    about_page(client, draft)
    page = about_page(client, draft).text  # shown again: what was answered is kept
    assert 'value="CHAN SOKHA"' in page
    assert "From the Population register" in page
    assert Lookup.objects.count() == 1
    draft.refresh_from_db()
    assert draft.prefilled["name"]["source"] == "population.name"


def test_the_person_may_ask_the_registry_again(client, registries, draft):
    registries["population"].mode = "bad_signature"
    about_page(client, draft)
    registries["population"].mode = "ok"
    page = about_page(client, draft).text
    assert "could not be checked" in page  # the failure is kept too: not asked again
    assert Lookup.objects.count() == 1

    url = reverse("services:page", args=[draft.public_id, "about"])
    response = client.post(url, {"_ask_again": "1"})
    assert response.status_code == 302
    page = client.get(url).text
    assert 'value="CHAN SOKHA"' in page
    assert [lookup.outcome for lookup in Lookup.objects.order_by("pk")] == [
        "bad_signature",
        "answered",
    ]


@pytest.fixture
def company_draft(client):
    sokha = create_user("sokha", national_id="012345678")
    client.force_login(sokha)
    form = {
        "pages": [
            {"key": "number", "title": {"km": "លេខ", "en": "Number"}, "fields": [
                {"key": "company_number", "type": "text",
                 "label": {"km": "លេខចុះបញ្ជី", "en": "Registration number"}},
            ]},
            {"key": "company", "title": {"km": "ក្រុមហ៊ុន", "en": "The company"}, "fields": [
                {"key": "company_name", "type": "text", "source": "business.name",
                 "record_field": "company_number",
                 "label": {"km": "ឈ្មោះក្រុមហ៊ុន", "en": "Company name"}},
            ]},
        ],
        "declaration": {"km": "ខ្ញុំបញ្ជាក់", "en": "I confirm"},
    }  # fmt: skip
    answers = {"company_number": "00054321"}
    return create_application(sokha, create_service(form=form), answers=answers)


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("slow", "did not answer in time"),
        ("wrong", "about someone else"),
        ("bad_signature", "could not be checked"),
    ],
)
def test_a_refused_business_register_answer_leaves_the_field_to_type(
    client, registries, company_draft, mode, message
):
    registries["business"].mode = mode
    with translation.override("en"):
        url = reverse("services:page", args=[company_draft.public_id, "company"])
        page = client.get(url).text
    assert message in page
    assert "Please type the answers yourself." in page
    assert "ANGKOR" not in page
    assert Lookup.objects.get().registry == "business"
    with translation.override("en"):
        response = client.post(url, {"company_name": "Angkor Transport"})
    assert response.status_code == 302  # typed by hand, the page is accepted
    company_draft.refresh_from_db()
    assert company_draft.answers["company_name"] == "Angkor Transport"


def test_the_company_name_comes_from_the_business_register(client, registries, company_draft):
    with translation.override("en"):
        url = reverse("services:page", args=[company_draft.public_id, "company"])
        page = client.get(url).text
    assert 'value="ANGKOR TRANSPORT CO., LTD."' in page
    assert "From the Business register" in page
    assert registries["business"].log[0]["record"] == "00054321"


def test_who_used_my_data_lists_the_lookup_with_its_fields_service_and_case(
    client, registries, company_draft
):
    with translation.override("en"):
        client.get(reverse("services:page", args=[company_draft.public_id, "company"]))
        page = client.get(reverse("accounts:data_use")).text
    assert "The Business register was asked for: company name" in page
    assert "Birth registration: your application, before it was sent" in page
    assert "registries.lookup" not in page


def test_once_the_application_is_sent_its_lookups_show_its_reference(
    client, registries, company_draft
):
    """Lookups on the draft are logged before it has a reference; the page finds it later."""
    with translation.override("en"):
        url = reverse("services:page", args=[company_draft.public_id, "company"])
        client.get(url)
        client.post(url, {"company_name": "ANGKOR TRANSPORT CO., LTD."})
        sent = check_submit_application(company_draft, declared=True)
        page = client.get(reverse("accounts:data_use")).text
    assert sent.reference
    assert f"Birth registration: {sent.reference}" in page
    assert "before it was sent" not in page


def test_a_refused_lookup_says_its_answer_was_not_used(client, registries, company_draft):
    registries["business"].mode = "wrong"
    with translation.override("en"):
        client.get(reverse("services:page", args=[company_draft.public_id, "company"]))
        page = client.get(reverse("accounts:data_use")).text
    assert "(not used: answer about another record)" in page


def test_asking_again_and_again_is_limited_to_five_an_hour(client, registries, draft):
    registries["population"].mode = "wrong"
    with translation.override("en"):
        url = reverse("services:page", args=[draft.public_id, "about"])
        client.get(url)
        for _press in range(6):
            client.post(url, {"_ask_again": "1"})
        page = client.get(url).text
    assert Lookup.objects.count() == 1 + 5
    assert "You have asked the registries several times." in page


def test_what_the_registry_answered_is_in_the_personal_data_download(client, registries, draft):
    about_page(client, draft)
    data = json.loads(client.get("/en/account/profile/download/").content)
    [application] = data["applications"]
    kept = application["filled_in_from_registries"]["name"]
    assert kept == {"source": "population.name", "value": {"km": "ចាន់ សុខា", "latin": "CHAN SOKHA"}}
