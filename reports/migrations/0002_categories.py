"""The six kinds of problem people report, in Khmer and English (Open311 service codes)."""

from django.db import migrations

CATEGORIES = [
    ("road", "ផ្លូវខូច", "Road damage",
     "រណ្តៅ ផ្លូវបាក់ ស្ពានខូច ឬលូស្ទះលើផ្លូវ។", "Potholes, broken roads or bridges, blocked culverts."),
    ("flooding", "ទឹកជំនន់", "Flooding",
     "ផ្លូវ ឬផ្ទះលិចទឹក ប្រឡាយស្ទះ។", "Flooded streets or homes, blocked drains."),
    ("rubbish", "សំរាម", "Rubbish",
     "សំរាមមិនបានប្រមូល ឬគេចាក់ចោលតាមអំពើចិត្ត។", "Rubbish not collected or dumped."),
    ("street-light", "ភ្លើងបំភ្លឺផ្លូវ", "Street light",
     "ភ្លើងបំភ្លឺផ្លូវរលត់ ឬខូច។", "A street light out or broken."),
    ("water", "ទឹកស្អាត", "Water supply",
     "គ្មានទឹក បំពង់ទឹកបែក ឬទឹកកខ្វក់។", "No water, a burst pipe or dirty water."),
    ("other", "បញ្ហាផ្សេងទៀត", "Other problem",
     "បញ្ហាផ្សេងទៀតនៅទីសាធារណៈ។", "Another problem in a public place."),
]  # fmt: skip


def add(apps, schema_editor):
    Category = apps.get_model("reports", "Category")
    for position, (code, km, en, desc_km, desc_en) in enumerate(CATEGORIES):
        Category.objects.update_or_create(
            code=code,
            defaults={
                "name_km": km, "name_en": en, "description_km": desc_km,
                "description_en": desc_en, "position": position,
            },
        )  # fmt: skip


def remove(apps, schema_editor):
    apps.get_model("reports", "Category").objects.filter(
        code__in=[row[0] for row in CATEGORIES], reports__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(add, remove)]
