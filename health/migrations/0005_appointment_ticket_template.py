"""The document template of health-centre appointment tickets (kind "ticket")."""

from django.db import migrations

TEMPLATE = {
    "key": "health-appointment",
    "kind": "ticket",
    "title_km": "សំបុត្រណាត់ជួបនៅមណ្ឌលសុខភាព",
    "title_en": "Health centre appointment ticket",
    "body_km": "{{ office }} ទទួលស្គាល់ការណាត់ជួបរបស់ {{ holder_name }} ដូចខាងក្រោម។",
    "body_en": "{{ office }} confirms the appointment of {{ holder_name }} below.",
}


def add(apps, schema_editor):
    DocumentTemplate = apps.get_model("documents", "DocumentTemplate")
    DocumentTemplate.objects.get_or_create(key=TEMPLATE["key"], defaults=TEMPLATE)


def remove(apps, schema_editor):
    IssuedDocument = apps.get_model("documents", "IssuedDocument")
    if not IssuedDocument.objects.filter(template_key=TEMPLATE["key"]).exists():
        apps.get_model("documents", "DocumentTemplate").objects.filter(
            key=TEMPLATE["key"]
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("health", "0004_appointments"), ("documents", "0004_validity")]

    operations = [migrations.RunPython(add, remove)]
