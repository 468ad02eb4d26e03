"""The three generic templates every portal starts with; administrators add their own."""

from django.db import migrations

TEMPLATES = [
    {
        "key": "certificate",
        "kind": "certificate",
        "title_km": "វិញ្ញាបនបត្រ",
        "title_en": "Certificate",
        "body_km": "{{ office }} បញ្ជាក់ថា ព័ត៌មានខាងក្រោមអំពី {{ holder_name }} ពិតជាត្រឹមត្រូវ។",
        "body_en": "{{ office }} certifies that the facts below about {{ holder_name }} are true.",
    },
    {
        "key": "licence",
        "kind": "licence",
        "title_km": "អាជ្ញាប័ណ្ណ",
        "title_en": "Licence",
        "body_km": "{{ office }} អនុញ្ញាតឱ្យ {{ holder_name }} តាមលក្ខខណ្ឌខាងក្រោម។",
        "body_en": "{{ office }} licenses {{ holder_name }} on the terms below.",
    },
    {
        "key": "letter",
        "kind": "letter",
        "title_km": "លិខិតបញ្ជាក់",
        "title_en": "Letter of confirmation",
        "body_km": "{{ office }} សូមបញ្ជាក់ជូន {{ holder_name }} នូវព័ត៌មានខាងក្រោម។",
        "body_en": "{{ office }} confirms to {{ holder_name }} the facts below.",
    },
]


def add_templates(apps, schema_editor):
    DocumentTemplate = apps.get_model("documents", "DocumentTemplate")
    for template in TEMPLATES:
        DocumentTemplate.objects.get_or_create(key=template["key"], defaults=template)


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(add_templates, migrations.RunPython.noop)]
