"""The citizen reports demo: the demo citizen's reports in several states, answered by the
demo clerk of Phsar Thmei I's commune hall; loading twice changes nothing."""

from __future__ import annotations

import pytest

from accounts.tests.conftest import _fresh_rate_limits  # noqa: F401 - autouse
from demo.accounts import load_demo_accounts
from demo.officers import load_demo_officers
from demo.reports import load_demo
from geo.tests.factories import create_area, create_facility
from reports.models import Report

pytestmark = pytest.mark.django_db


def test_the_demo_reports_are_in_several_states(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    phnom_penh = create_area("12", "Phnom Penh", "ភ្នំពេញ")
    daun_penh = create_area("1202", "Doun Penh", "ដូនពេញ", phnom_penh)
    commune = create_area("120201", "Phsar Thmei Ti Muoy", "ផ្សារថ្មីទី១", daun_penh)
    siem_reap = create_area("17", "Siemreap", "សៀមរាប")
    district = create_area("1710", "Siem Reab", "សៀមរាប", siem_reap)
    create_area("171001", "Sla Kram", "ស្លក្រាម", district)
    hall = create_facility(commune, "commune-hall", code="commune-hall-120201")
    load_demo_accounts()
    load_demo_officers()
    first = load_demo()
    assert first.created == 5
    assert set(Report.objects.values_list("status", flat=True)) == {
        "open", "in_progress", "fixed", "closed",
    }  # fmt: skip
    road = Report.objects.get(reference="DEMOROAD")
    assert road.office == hall and road.user.username == "citizen"
    assert "ក្រុមជួសជុល" in road.notes.get().note
    again = load_demo()
    assert again.created == 0 and again.existing == 5
