"""The finance officer: reconciles an office's fee payments (payments' reconciliation)."""

from django.db import migrations

CODE = "finance-officer"


def add_role(apps, schema_editor):
    Role = apps.get_model("accounts", "Role")
    Role.objects.update_or_create(
        code=CODE,
        defaults={
            "name_km": "មន្ត្រីហិរញ្ញវត្ថុ",
            "name_en": "Finance officer",
            "description_km": (
                "ផ្ទៀងផ្ទាត់ការបង់ថ្លៃសេវារបស់ការិយាល័យ នាំចេញបញ្ជី "
                "និងនាំចូលរបាយការណ៍ធនាគារ។"
            ),
            "description_en": (
                "Reconciles the office's fee payments, exports them and imports bank "
                "statements."
            ),
            "position": 80,
        },
    )


def remove_role_if_unused(apps, schema_editor):
    Role = apps.get_model("accounts", "Role")
    Role.objects.filter(code=CODE, memberships__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0009_moderator_role")]

    operations = [migrations.RunPython(add_role, remove_role_if_unused)]
