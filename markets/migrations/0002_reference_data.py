"""The first commodities, categories, units, grades and varieties, and the provincial
market officer's role (markets.reference). Administrators add more in the Django admin."""

from django.db import migrations

from markets.reference import CATEGORIES, COMMODITIES, GRADES, ROLES, UNITS, VARIETIES


def add(apps, schema_editor):
    Role = apps.get_model("accounts", "Role")
    for code, name_km, name_en, description_km, description_en in ROLES:
        Role.objects.update_or_create(
            code=code,
            defaults={"name_km": name_km, "name_en": name_en, "description_km": description_km,
                      "description_en": description_en, "position": 90},
        )  # fmt: skip
    Category = apps.get_model("markets", "Category")
    Unit = apps.get_model("markets", "Unit")
    Grade = apps.get_model("markets", "Grade")
    Commodity = apps.get_model("markets", "Commodity")
    Variety = apps.get_model("markets", "Variety")
    categories = {}
    for position, (code, name_km, name_en) in enumerate(CATEGORIES):
        categories[code], _ = Category.objects.update_or_create(
            code=code, defaults={"name_km": name_km, "name_en": name_en, "position": position}
        )
    units = {}
    for code, name_km, name_en, kg in UNITS:
        units[code], _ = Unit.objects.update_or_create(
            code=code, defaults={"name_km": name_km, "name_en": name_en, "kg": kg}
        )
    for position, (code, name_km, name_en) in enumerate(GRADES):
        Grade.objects.update_or_create(
            code=code, defaults={"name_km": name_km, "name_en": name_en, "position": position}
        )
    commodities = {}
    for position, (code, category, name_km, name_en, unit, price_type, _typical) in enumerate(
        COMMODITIES
    ):
        commodities[code], _ = Commodity.objects.update_or_create(
            code=code,
            defaults={"category": categories[category], "name_km": name_km, "name_en": name_en,
                      "unit": units[unit], "price_type": price_type, "position": position},
        )  # fmt: skip
    for commodity, code, name_km, name_en in VARIETIES:
        Variety.objects.update_or_create(
            commodity=commodities[commodity], code=code,
            defaults={"name_km": name_km, "name_en": name_en},
        )  # fmt: skip


def remove(apps, schema_editor):
    apps.get_model("accounts", "Role").objects.filter(
        code__in=[row[0] for row in ROLES], memberships__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("markets", "0001_prices"), ("accounts", "0008_reader_and_counter_roles")]

    operations = [migrations.RunPython(add, remove)]
