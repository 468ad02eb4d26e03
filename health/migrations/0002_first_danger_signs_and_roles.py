"""The first published danger-sign table and the health-ministry role that publishes the
next ones. Later versions are made in the back office (copy, edit, publish)."""

from django.db import migrations

SOURCE = (
    "WHO IMCI general danger signs (child 2 months to 5 years); WHO danger signs in "
    "pregnancy (PCPNC); WHO ETAT emergency signs (others)"
)

SIGNS = [
    # group, code, Khmer, English
    ("child", "cannot-drink", "តើកុមារមិនអាចផឹកទឹក ឬបៅដោះម្តាយបានទេឬ?",
     "Is the child unable to drink or breastfeed?"),
    ("child", "vomits-everything", "តើកុមារក្អួតចេញវិញនូវអ្វីៗទាំងអស់ដែលបានញ៉ាំ ឬផឹកឬទេ?",
     "Does the child vomit everything?"),
    ("child", "had-convulsions", "តើកុមារធ្លាប់ប្រកាច់ក្នុងអំឡុងពេលឈឺលើកនេះឬទេ?",
     "Has the child had convulsions (fits) during this illness?"),
    ("child", "lethargic", "តើកុមារល្ហិតល្ហៃខ្លាំង ឬសន្លប់ (ងងុយដេកខ្លាំង ដាស់មិនសូវភ្ញាក់) ឬទេ?",
     "Is the child lethargic or unconscious (very sleepy, hard to wake)?"),
    ("child", "convulsing-now", "តើកុមារកំពុងប្រកាច់ឥឡូវនេះឬទេ?",
     "Is the child convulsing now?"),
    ("pregnancy", "bleeding", "តើនាងធ្លាក់ឈាមតាមទ្វារមាសឬទេ?",
     "Is she bleeding from the vagina?"),
    ("pregnancy", "convulsions", "តើនាងប្រកាច់ ឬធ្លាប់ប្រកាច់ឬទេ?",
     "Is she having, or has she had, convulsions (fits)?"),
    ("pregnancy", "headache-vision", "តើនាងឈឺក្បាលខ្លាំង ហើយភ្នែកព្រិលៗឬទេ?",
     "Does she have a severe headache with blurred vision?"),
    ("pregnancy", "fever-weak", "តើនាងមានគ្រុនក្តៅ ហើយខ្សោយខ្លាំងរហូតក្រោកពីគ្រែមិនរួចឬទេ?",
     "Does she have a fever and is too weak to get out of bed?"),
    ("pregnancy", "belly-pain", "តើនាងឈឺពោះខ្លាំងឬទេ?",
     "Does she have severe pain in the belly?"),
    ("pregnancy", "breathing", "តើនាងដកដង្ហើមញាប់ ឬពិបាកដកដង្ហើមឬទេ?",
     "Is she breathing fast or with difficulty?"),
    ("other", "breathing", "តើអ្នកជំងឺពិបាកដកដង្ហើមខ្លាំងឬទេ?",
     "Is the person struggling to breathe?"),
    ("other", "unconscious", "តើអ្នកជំងឺសន្លប់ ឬដាស់មិនភ្ញាក់ឬទេ?",
     "Is the person unconscious or impossible to wake?"),
    ("other", "convulsing-now", "តើអ្នកជំងឺកំពុងប្រកាច់ឥឡូវនេះឬទេ?",
     "Is the person having convulsions (fits) now?"),
    ("other", "heavy-bleeding", "តើអ្នកជំងឺហូរឈាមច្រើន ហើយមិនឈប់ឬទេ?",
     "Is the person bleeding heavily, without stopping?"),
    ("other", "chest-pain", "តើអ្នកជំងឺឈឺទ្រូងខ្លាំងភ្លាមៗឬទេ?",
     "Does the person have sudden, severe chest pain?"),
]  # fmt: skip

ROLE = (
    "health-ministry",
    "មន្ត្រីក្រសួងសុខាភិបាល",
    "Health ministry officer",
    "ផ្សព្វផ្សាយតារាងសញ្ញាគ្រោះថ្នាក់ដែលប្រជាពលរដ្ឋឆ្លើយ មុនសួរសំណួរសុខភាព។",
    "Publishes the danger-sign tables people answer before asking a health question.",
)


def add(apps, schema_editor):
    Role = apps.get_model("accounts", "Role")
    code, name_km, name_en, description_km, description_en = ROLE
    Role.objects.update_or_create(
        code=code,
        defaults={
            "name_km": name_km,
            "name_en": name_en,
            "description_km": description_km,
            "description_en": description_en,
            "position": 80,
        },
    )
    DangerSignTable = apps.get_model("health", "DangerSignTable")
    DangerSign = apps.get_model("health", "DangerSign")
    if DangerSignTable.objects.exists():
        return
    table = DangerSignTable.objects.create(version=1, status="published", source=SOURCE)
    for position, (group, code, question_km, question_en) in enumerate(SIGNS):
        DangerSign.objects.create(
            table=table,
            group=group,
            code=code,
            question_km=question_km,
            question_en=question_en,
            position=(position + 1) * 10,
        )


def remove(apps, schema_editor):
    apps.get_model("accounts", "Role").objects.filter(
        code=ROLE[0], memberships__isnull=True
    ).delete()
    DangerSignTable = apps.get_model("health", "DangerSignTable")
    DangerSignTable.objects.filter(version=1, screenings__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("health", "0001_initial"), ("accounts", "0007_directory_officer_role")]

    operations = [migrations.RunPython(add, remove)]
