from django.db import migrations


def fill(apps, schema_editor):
    """Every submitted application gets its case's office (the office it is with now,
    after any rerouting): from here on the application keeps it."""
    Application = apps.get_model("services", "Application")
    Case = apps.get_model("cases", "Case")
    for application_id, office_id in Case.objects.exclude(office=None).values_list(
        "application_id", "office_id"
    ):
        Application.objects.filter(pk=application_id).update(office_id=office_id)


def empty(apps, schema_editor):
    apps.get_model("services", "Application").objects.update(office=None)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_public_holidays_from_the_holidays_package"),
        ("services", "0002_application_office"),
    ]

    operations = [migrations.RunPython(fill, empty)]
