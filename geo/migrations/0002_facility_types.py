"""Seed the facility types the issue lists; administrators can add more."""

from django.db import migrations

FACILITY_TYPES = [
    # code, Khmer, English, schema.org type, government office
    ("ministry", "ក្រសួង", "Ministry", "GovernmentOffice", True),
    (
        "provincial-department",
        "មន្ទីរជំនាញរាជធានី ខេត្ត",
        "Provincial department",
        "GovernmentOffice",
        True,
    ),
    ("district-office", "សាលាស្រុក ក្រុង ខណ្ឌ", "District office", "GovernmentOffice", True),
    ("commune-hall", "សាលាឃុំ សង្កាត់", "Commune hall", "GovernmentOffice", True),
    ("police-station", "ប៉ុស្តិ៍នគរបាល", "Police station", "PoliceStation", True),
    ("school", "សាលារៀន", "School", "School", False),
    ("health-centre", "មណ្ឌលសុខភាព", "Health centre", "MedicalClinic", False),
    ("referral-hospital", "មន្ទីរពេទ្យបង្អែក", "Referral hospital", "Hospital", False),
    ("market", "ផ្សារ", "Market", "Place", False),
    ("other", "ផ្សេងៗ", "Other", "Place", False),
]


def create_types(apps, schema_editor):
    FacilityType = apps.get_model("geo", "FacilityType")
    for position, (code, name_km, name_en, schema_type, is_office) in enumerate(FACILITY_TYPES):
        FacilityType.objects.update_or_create(
            code=code,
            defaults={
                "name_km": name_km,
                "name_en": name_en,
                "schema_type": schema_type,
                "is_office": is_office,
                "position": (position + 1) * 10,
            },
        )


def delete_unused_types(apps, schema_editor):
    FacilityType = apps.get_model("geo", "FacilityType")
    codes = [row[0] for row in FACILITY_TYPES]
    FacilityType.objects.filter(code__in=codes, facilities__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("geo", "0001_initial")]

    operations = [migrations.RunPython(create_types, delete_unused_types)]
