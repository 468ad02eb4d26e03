"""A service's form filled from the population register (the simulator on loopback): the
person sees where each value came from; a registry that fails leaves the field for the
person to type, with the reason; an answered field is not looked up again."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.tests.factories import create_user
from registries.models import Lookup
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
    assert "Your name: from the Population register" in page
    lookup = Lookup.objects.get()
    assert (lookup.issue, lookup.fields) == (f"draft-{draft.public_id}", ["name"])
    assert registries["population"].log[0]["issue"] == f"draft-{draft.public_id}"


def test_the_khmer_page_says_where_the_value_came_from_in_khmer(client, registries, draft):
    page = about_page(client, draft, "km").text
    assert "ពីបញ្ជីប្រជាពលរដ្ឋ" in page


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
