"""The reader (reads the office's cases, changes nothing) and the counter officer (takes
applications at the counter for walk-ins): the two roles the role matrix adds
(accounts/roles.py)."""

from django.db import migrations

ROLES = [
    # code, Khmer, English, Khmer description, English description, position
    (
        "reader",
        "អ្នកអាន",
        "Reader",
        "អានសំណុំរឿង និងឯកសារភ្ជាប់របស់ការិយាល័យ ដោយមិនកែប្រែអ្វីឡើយ។",
        "Reads the office's cases and their files, and changes nothing.",
        5,
    ),
    (
        "counter",
        "មន្ត្រីបញ្ជរ",
        "Counter officer",
        "ទទួលពាក្យស្នើសុំនៅបញ្ជរ ជំនួសប្រជាពលរដ្ឋដែលមកដល់ការិយាល័យ។",
        "Takes applications at the counter for citizens who come to the office.",
        15,
    ),
]


def add_roles(apps, schema_editor):
    Role = apps.get_model("accounts", "Role")
    for code, name_km, name_en, description_km, description_en, position in ROLES:
        Role.objects.update_or_create(
            code=code,
            defaults={
                "name_km": name_km,
                "name_en": name_en,
                "description_km": description_km,
                "description_en": description_en,
                "position": position,
            },
        )


def remove_unused_roles(apps, schema_editor):
    Role = apps.get_model("accounts", "Role")
    Role.objects.filter(code__in=[role[0] for role in ROLES], memberships__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0007_directory_officer_role")]

    operations = [migrations.RunPython(add_roles, remove_unused_roles)]
