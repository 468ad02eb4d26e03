"""The demo cases: both services, every state, decided by the demo officers themselves."""

from __future__ import annotations

import pytest

from cases.models import Case, CaseEvent
from demo.accounts import load_demo_accounts
from demo.cases import PATHS, SERVICES, load_demo_cases
from demo.officers import load_demo_officers
from geo.models import Institution
from geo.tests.factories import create_area, create_facility
from services.models import Service

pytestmark = pytest.mark.django_db


@pytest.fixture
def daun_penh(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    province = create_area("12", "Phnom Penh", "ភ្នំពេញ")
    district = create_area("1202", "Doun Penh", "ដូនពេញ", province)
    commune = create_area("120201", "Phsar Thmei Ti Muoy", "ផ្សារថ្មីទី១", district)
    create_area("12020101", "Phum Muoy", "ភូមិ១", commune)
    create_facility(commune, "commune-hall", code="commune-hall-120201")
    create_facility(district, "district-office", code="district-office-1202")
    names = {"name_km": "ក្រសួងមហាផ្ទៃ", "name_en": "Ministry of Interior"}
    Institution.objects.get_or_create(code="moi", defaults=names)
    load_demo_accounts()
    load_demo_officers()


def test_the_demo_cases_reach_every_state_decided_by_the_offices_own_officers(daun_penh):
    counts = load_demo_cases()
    assert counts.created == len(SERVICES) * len(PATHS)
    assert set(Case.objects.values_list("state", flat=True)) == {
        "received",
        "in_review",
        "information_requested",
        "approved",
        "document_issued",
    }
    deciders = {
        (event.case.service.processing_level, event.actor.username)
        for event in CaseEvent.objects.filter(transition="approve").select_related("actor")
    }
    assert deciders == {("commune", "chief"), ("district", "approver")}
    assert load_demo_cases().created == 0  # idempotent
    demo = Service.objects.get(slug="demo-residence-certificate")
    assert (
        demo.summary_en
        == "A short one-page form of the residence certificate, to try case handling in the demo."
    )
