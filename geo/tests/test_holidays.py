"""Cambodia's public holidays come from the `holidays` package, named by us in Khmer and
English, and seeding never undoes what administrators changed."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from geo.holidays import cambodian_holidays, unnamed_holidays
from geo.models import PublicHoliday

pytestmark = pytest.mark.django_db


def test_every_holiday_we_seed_has_our_khmer_and_english_name():
    assert unnamed_holidays(range(2026, 2036)) == set()
    names = {(h.name_km, h.name_en) for year in range(2026, 2036) for h in cambodian_holidays(year)}
    assert ("ពិធីបុណ្យភ្ជុំបិណ្ឌ", "Pchum Ben Festival") in names
    assert not any("\u200b" in km for km, _en in names)


def test_the_migrations_load_the_packages_days_for_2026_to_2030():
    pchum_ben = PublicHoliday.objects.filter(name_en="Pchum Ben Festival", date__year=2026)
    assert sorted(h.date.day for h in pchum_ben) == [10, 11, 12]  # the lunar calendar's days
    assert PublicHoliday.objects.filter(date__year=2030).count() == len(cambodian_holidays(2030))
    assert not PublicHoliday.objects.filter(date=datetime.date(2026, 5, 31)).exists()


def test_two_holidays_on_one_day_share_the_row():
    (labour_day,) = [h for h in cambodian_holidays(2026) if h.date == datetime.date(2026, 5, 1)]
    assert labour_day.name_en == "International Labour Day and Visak Bochea Day"
    assert labour_day.name_km == "ទិវាពលកម្មអន្តរជាតិ និងពិធីបុណ្យវិសាខបូជា"


def test_seeding_adds_a_new_year_and_keeps_what_administrators_changed():
    out = StringIO()
    call_command("seed_public_holidays", "2031", stdout=out)
    assert "added for 2031" in out.getvalue()
    seeded = PublicHoliday.objects.filter(date__year=2031)
    assert seeded.count() == len(cambodian_holidays(2031)) > 15
    removed = seeded.get(date=datetime.date(2031, 12, 29))  # an administrator removes a day
    removed.delete()
    PublicHoliday.objects.create(
        date=datetime.date(2030, 12, 31), name_km="ថ្ងៃសាកល្បង", name_en="Test"
    )

    out = StringIO()
    call_command("seed_public_holidays", "2030", "2031", stdout=out)
    assert "0 public holidays added for no year; 2030, 2031 kept as they were." in out.getvalue()
    assert not PublicHoliday.objects.filter(date=datetime.date(2031, 12, 29)).exists()
    assert PublicHoliday.objects.filter(date=datetime.date(2030, 12, 31)).exists()
