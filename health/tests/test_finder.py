"""The health finder: hospitals and health centres by commune, with services, hours and
whether they are open now; reached from the health start page."""

from __future__ import annotations

import datetime

import pytest

from geo.models import OpeningHours
from geo.tests.factories import create_facility
from health.models import FacilityService

pytestmark = pytest.mark.django_db


def test_the_start_page_leads_to_the_finder(client):
    assert "/en/health/facilities/" in client.get("/en/health/").content.decode()


def test_a_commune_lists_its_health_centre_with_services_hours_and_open_now(client, health_world):
    centre = health_world.centre
    FacilityService.objects.create(facility=centre, service="vaccination")
    FacilityService.objects.create(facility=centre, service="antenatal")
    for weekday in range(7):  # open all day, every day: open now whatever the clock
        OpeningHours.objects.create(
            facility=centre, weekday=weekday, opens=datetime.time(0), closes=datetime.time(0)
        )
    page = client.get(f"/en/health/facilities/?area={health_world.tree.commune.code}")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Health facilities for Sla Kram, Siem Reab, Siemreap" in text
    assert "Sla Kram Health Centre" in text
    assert "Antenatal care, Vaccination" in text
    assert "Answers questions online" in text  # it has a clinician
    assert "Open now" in text and "00:00\N{EN DASH}24:00" in text
    assert health_world.other_centre.name_en not in text  # another commune's


def test_a_commune_without_a_facility_lists_those_of_its_district(client, health_world):
    lone = health_world.tree.other_commune
    health_world.other_centre.is_active = False  # no longer listed
    health_world.other_centre.save(update_fields=["is_active"])
    text = client.get(f"/en/health/facilities/?area={lone.code}").content.decode()
    assert "None is listed in this place; these are in Siem Reab." in text
    assert "Siem Reap Hospital" in text
    assert "Closed now" in text  # no opening hours recorded


def test_only_health_facilities_are_listed(client, health_world):
    create_facility(health_world.tree.commune, "commune-hall", name_en="Sla Kram Commune Hall")
    text = client.get(f"/en/health/facilities/?area={health_world.tree.commune.code}")
    assert "Sla Kram Commune Hall" not in text.content.decode()


def test_a_place_is_found_by_name_in_khmer_and_a_blank_search_is_explained(client, health_world):
    found = client.get("/km/health/facilities/", {"q": "ស្លក្រាម"}).content.decode()
    assert f"?area={health_world.tree.commune.code}" in found
    blank = client.get("/en/health/facilities/", {"q": ""})
    assert blank.status_code == 400
    assert "Enter the name of your commune, district or province." in blank.content.decode()
