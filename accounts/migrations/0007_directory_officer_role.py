"""The directory officer: keeps the directory of offices and facilities up to date."""

from django.db import migrations

CODE = "directory-officer"


def add_role(apps, schema_editor):
    Role = apps.get_model("accounts", "Role")
    Role.objects.update_or_create(
        code=CODE,
        defaults={
            "name_km": "មន្ត្រីបញ្ជីការិយាល័យ",
            "name_en": "Directory officer",
            "description_km": "នាំចូល និងធ្វើបច្ចុប្បន្នភាពបញ្ជីការិយាល័យ និងទីតាំងផ្តល់សេវា។",
            "description_en": "Imports and updates the directory of offices and facilities.",
            "position": 70,
        },
    )


def remove_role_if_unused(apps, schema_editor):
    Role = apps.get_model("accounts", "Role")
    Role.objects.filter(code=CODE, memberships__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0006_officer_roles")]

    operations = [migrations.RunPython(add_role, remove_role_if_unused)]
