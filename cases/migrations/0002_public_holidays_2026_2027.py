from __future__ import annotations

import datetime

from django.db import migrations

YEARS = (2026, 2027)


def load(apps, schema_editor):
    from cases.holidays import holidays

    holiday = apps.get_model("geo", "PublicHoliday")
    for year in YEARS:
        for day, km, en in holidays(year):
            holiday.objects.get_or_create(
                date=datetime.date.fromisoformat(day), defaults={"name_km": km, "name_en": en}
            )


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial"), ("geo", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
