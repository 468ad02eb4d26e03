"""The officer roles every installation starts with; administrators may add more."""

from django.db import migrations

ROLES = [
    # code, Khmer, English, Khmer description, English description
    (
        "clerk",
        "មន្ត្រីទទួលពាក្យ",
        "Clerk",
        "ទទួល ពិនិត្យ និងរៀបចំពាក្យស្នើសុំរបស់ប្រជាពលរដ្ឋ។",
        "Receives, checks and prepares citizens' applications.",
    ),
    (
        "approver",
        "មន្ត្រីអនុម័ត",
        "Approver",
        "អនុម័ត ឬបដិសេធពាក្យស្នើសុំ និងចេញឯកសារ។",
        "Approves or rejects applications and issues documents.",
    ),
    (
        "head-of-office",
        "ប្រធានការិយាល័យ",
        "Head of office",
        "ដឹកនាំការិយាល័យ និងផ្តល់តួនាទីដល់មន្ត្រីរបស់ការិយាល័យ។",
        "Runs the office and gives its officers their roles.",
    ),
    (
        "editor",
        "អ្នកកែសម្រួល",
        "Editor",
        "ផ្សព្វផ្សាយព័ត៌មាន និងសេចក្តីជូនដំណឹងរបស់ស្ថាប័ន។",
        "Publishes the institution's information and announcements.",
    ),
    (
        "market-officer",
        "មន្ត្រីផ្សារ",
        "Market officer",
        "កត់ត្រាតម្លៃទំនិញនៅផ្សារ។",
        "Records the prices of goods at the market.",
    ),
    (
        "clinician",
        "គ្រូពេទ្យ",
        "Clinician",
        "ឆ្លើយសំណួរសុខភាព និងផ្តល់ការប្រឹក្សា។",
        "Answers health questions and gives counselling.",
    ),
]


def add_roles(apps, schema_editor):
    Role = apps.get_model("accounts", "Role")
    for position, (code, name_km, name_en, description_km, description_en) in enumerate(ROLES):
        Role.objects.update_or_create(
            code=code,
            defaults={
                "name_km": name_km,
                "name_en": name_en,
                "description_km": description_km,
                "description_en": description_en,
                "position": (position + 1) * 10,
            },
        )


def remove_unused_roles(apps, schema_editor):
    Role = apps.get_model("accounts", "Role")
    Role.objects.filter(code__in=[role[0] for role in ROLES], memberships__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_sign_in_lock_offices_organisations")]

    operations = [migrations.RunPython(add_roles, remove_unused_roles)]
