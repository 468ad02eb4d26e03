"""The certificate's document template (kind "certificate") and the course-editor and
facilitator roles."""

from django.db import migrations

TEMPLATE = {
    "key": "learning-certificate",
    "kind": "certificate",
    "title_km": "វិញ្ញាបនបត្របញ្ចប់វគ្គសិក្សា",
    "title_en": "Certificate of course completion",
    "body_km": "សូមបញ្ជាក់ថា {{ holder_name }} បានបញ្ចប់វគ្គសិក្សា «{{ facts.course }}» ដោយជោគជ័យ។",
    "body_en": "This certifies that {{ holder_name }} has completed the course “{{ facts.course }}”.",
}
ROLES = [
    {
        "code": "course-editor",
        "name_km": "អ្នកកែសម្រួលវគ្គសិក្សា",
        "name_en": "Course editor",
        "description_km": "រៀបចំ និងផ្សព្វផ្សាយវគ្គសិក្សា មេរៀន និងសំណួរតេស្តរបស់ស្ថាប័ន។",
        "description_en": "Writes and publishes the institution's courses, lessons and quizzes.",
        "position": 90,
    },
    {
        "code": "facilitator",
        "name_km": "អ្នកសម្របសម្រួលការសិក្សា",
        "name_en": "Learning facilitator",
        "description_km": "កត់ត្រាវត្តមាន និងលទ្ធផលតេស្តរបស់អ្នកសិក្សាដែលគ្មានទូរស័ព្ទ។",
        "description_en": "Records attendance and quiz results for learners without a phone.",
        "position": 91,
    },
]


def add(apps, schema_editor):
    DocumentTemplate = apps.get_model("documents", "DocumentTemplate")
    DocumentTemplate.objects.get_or_create(key=TEMPLATE["key"], defaults=TEMPLATE)
    Role = apps.get_model("accounts", "Role")
    for role in ROLES:
        Role.objects.update_or_create(
            code=role["code"], defaults={k: v for k, v in role.items() if k != "code"}
        )


def remove(apps, schema_editor):
    IssuedDocument = apps.get_model("documents", "IssuedDocument")
    if not IssuedDocument.objects.filter(template_key=TEMPLATE["key"]).exists():
        apps.get_model("documents", "DocumentTemplate").objects.filter(
            key=TEMPLATE["key"]
        ).delete()
    Role = apps.get_model("accounts", "Role")
    Role.objects.filter(code__in=[role["code"] for role in ROLES]).delete()


class Migration(migrations.Migration):
    dependencies = [("learning", "0001_initial"), ("documents", "0005_downloads_into_the_audit_log")]

    operations = [migrations.RunPython(add, remove)]
