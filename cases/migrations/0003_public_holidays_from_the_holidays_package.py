"""Seed the public holidays of 2026-2030 from the `holidays` package (geo.holidays), which
the due dates of cases skip.

Databases that ran the first version of 0002 hold its hand-written 2026 and 2027 list;
its lunar days that the package puts elsewhere are removed (unless an administrator renamed
them) and the package's days added. Going back removes the days this adds, where they
still carry the seeded names.
"""

from __future__ import annotations

import datetime

from django.db import migrations

from geo.holidays import cambodian_holidays

FIRST_YEAR, LAST_YEAR = 2026, 2030

# The days of the hand-written list that are no holidays by the package, with their names.
WRONG_DAYS = {
    "2026-05-31": "Visak Bochea Day",
    "2026-06-04": "Royal Ploughing Ceremony",
    "2026-10-09": "Pchum Ben Festival",
    "2027-11-15": "Water Festival",
}


def seed(apps, schema_editor):
    holiday = apps.get_model("geo", "PublicHoliday")
    for day, name_en in WRONG_DAYS.items():
        holiday.objects.filter(date=datetime.date.fromisoformat(day), name_en=name_en).delete()
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for h in cambodian_holidays(year):
            holiday.objects.get_or_create(
                date=h.date, defaults={"name_km": h.name_km, "name_en": h.name_en}
            )


def unseed(apps, schema_editor):
    holiday = apps.get_model("geo", "PublicHoliday")
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for h in cambodian_holidays(year):
            holiday.objects.filter(date=h.date, name_en=h.name_en).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_public_holidays_2026_2027"), ("geo", "0003_area_search_keys")]

    operations = [migrations.RunPython(seed, unseed)]
