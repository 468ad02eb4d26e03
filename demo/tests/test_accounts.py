from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


@pytest.mark.django_db
def test_the_demo_citizen_has_a_profile_and_lives_in_daun_penh(var_dir):
    from geo.tests.factories import create_area

    phnom_penh = create_area("12", "Phnom Penh", "ភ្នំពេញ")
    daun_penh = create_area("1202", "Doun Penh", "ដូនពេញ", phnom_penh)
    call_command("load_demo_data")
    citizen = get_user_model().objects.get(username="citizen")
    assert not citizen.is_staff
    assert citizen.name_km == "សុខ ដារា"
    assert citizen.name_latin == "SOK DARA"
    assert citizen.home_area == daun_penh
    passwords = json.loads((var_dir / "demo-accounts.json").read_text())
    assert citizen.check_password(passwords["citizen"])
