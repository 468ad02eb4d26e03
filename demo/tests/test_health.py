"""The health demo: clinicians at two health centres and the ministry's publisher."""

from __future__ import annotations

import pytest

from accounts.officers import offices_of
from accounts.tests.conftest import _fresh_rate_limits  # noqa: F401 - autouse
from demo.accounts import load_demo_accounts
from demo.officers import load_demo_officers
from geo.tests.factories import create_area, create_facility
from health.questions import health_centres

pytestmark = pytest.mark.django_db


def test_the_demo_health_centres_have_clinicians(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    phnom_penh = create_area("12", "Phnom Penh", "ភ្នំពេញ")
    daun_penh = create_area("1202", "Doun Penh", "ដូនពេញ", phnom_penh)
    commune = create_area("120201", "Phsar Thmei Ti Muoy", "ផ្សារថ្មីទី១", daun_penh)
    siem_reap = create_area("17", "Siemreap", "សៀមរាប")
    district = create_area("1710", "Siem Reab", "សៀមរាប", siem_reap)
    sla_kram = create_area("171001", "Sla Kram", "ស្លក្រាម", district)
    create_facility(commune, "health-centre", code="health-centre-120201")
    create_facility(sla_kram, "health-centre", code="health-centre-171001")
    create_facility(phnom_penh, "ministry", code="ministry-moh")
    load_demo_accounts()
    load_demo_officers()
    from accounts.models import User

    nurse, midwife, moh = (User.objects.get(username=n) for n in ("nurse", "midwife", "moh"))
    assert [o.code for o in offices_of(nurse, ["clinician"])] == ["health-centre-120201"]
    assert [o.code for o in offices_of(midwife, ["clinician"])] == ["health-centre-171001"]
    assert moh.has_perm("health.publish_dangersigntable")
    assert health_centres().count() == 2


def test_the_demo_health_centres_take_bookings_for_two_weeks():
    from demo.health import load_demo
    from health.booking import offices_with_slots

    phnom_penh = create_area("12", "Phnom Penh", "ភ្នំពេញ")
    create_facility(phnom_penh, "health-centre", code="health-centre-120201")
    first = load_demo()
    assert first.slots >= 4 * 12  # four a day, Sundays excepted
    assert [office.code for office in offices_with_slots()] == ["health-centre-120201"]
    again = load_demo()
    assert (again.slots, again.existing) == (0, first.slots)


def test_the_demo_facilities_list_their_health_services_once():
    from demo.health import load_demo
    from health.models import FacilityService

    phnom_penh = create_area("12", "Phnom Penh", "ភ្នំពេញ")
    centre = create_facility(phnom_penh, "health-centre", code="health-centre-120201")
    hospital = create_facility(phnom_penh, "referral-hospital", code="calmette-hospital")
    assert load_demo().services == 10
    offered = set(
        FacilityService.objects.filter(facility=hospital).values_list("service", flat=True)
    )
    assert "emergency" in offered and "vaccination" not in offered
    assert FacilityService.objects.filter(facility=centre, service="vaccination").exists()
    assert load_demo().services == 0


def test_the_demo_citizen_has_an_appointment_today_at_the_desk():
    from accounts.tests.factories import create_user
    from demo.health import load_demo
    from health.desk import day_list, find_tickets

    phnom_penh = create_area("12", "Phnom Penh", "ភ្នំពេញ")
    centre = create_facility(phnom_penh, "health-centre", code="health-centre-120201")
    citizen = create_user("citizen")
    assert load_demo().today == 1
    assert [booking.user for booking in day_list(centre)] == [citizen]
    assert [booking.ticket for booking in find_tickets(centre, "A-001")] == ["A-001"]
    assert load_demo().today == 0
    assert day_list(centre).count() == 1
