"""The moderator: an officer who keeps the office's forum boards and consultations civil
(forums app: held posts, reports of abuse)."""

from django.db import migrations

ROLES = [
    # code, Khmer, English, Khmer description, English description, position
    (
        "moderator",
        "អ្នកសម្របសម្រួលវេទិកា",
        "Moderator",
        "ពិនិត្យសារដែលត្រូវបានផ្អាក និងរបាយការណ៍រំលោភបំពាន នៅក្នុងវេទិកា និងការពិគ្រោះយោបល់របស់ការិយាល័យ។",
        "Reviews held posts and reports of abuse in the office's forums and consultations.",
        80,
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
    dependencies = [("accounts", "0008_reader_and_counter_roles")]

    operations = [migrations.RunPython(add_roles, remove_unused_roles)]
