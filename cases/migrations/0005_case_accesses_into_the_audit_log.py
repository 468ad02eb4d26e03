from django.conf import settings
from django.db import migrations

VIEWED = "cases.case.viewed"


def _case_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="cases", model="case")[0]


def into_the_audit_log(apps, schema_editor):
    """Each recorded opening of a case becomes an audit entry (who, when, from where,
    allowed or refused, and what was opened), readable by the case's office and applicant."""
    CaseAccess = apps.get_model("cases", "CaseAccess")
    AuditEntry = apps.get_model("audit", "AuditEntry")
    case_type = _case_type(apps)
    accesses = CaseAccess.objects.select_related("case").order_by("pk")
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(
                created_at=access.at,
                actor_id=access.user_id,
                actor_address=access.ip,
                action=VIEWED,
                allowed=access.allowed,
                object_type=case_type,
                object_id=str(access.case_id),
                object_repr=access.case.reference[:200],
                office_id=access.case.office_id,
                person_id=access.case.applicant_id,
                data={"what": access.what},
            )
            for access in accesses.iterator()
        ],
        batch_size=500,
    )


def back_from_the_audit_log(apps, schema_editor):
    CaseAccess = apps.get_model("cases", "CaseAccess")
    AuditEntry = apps.get_model("audit", "AuditEntry")
    entries = AuditEntry.objects.filter(action=VIEWED, object_type=_case_type(apps))
    CaseAccess.objects.bulk_create(
        [
            CaseAccess(
                case_id=int(entry.object_id),
                user_id=entry.actor_id,
                allowed=entry.allowed,
                what=str(entry.data.get("what", "view"))[:40],
                ip=entry.actor_address,
                at=entry.created_at,
            )
            for entry in entries.exclude(actor=None).iterator()
        ],
        batch_size=500,
    )
    entries.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_audit_log"),
        ("cases", "0004_fill_application_office"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(into_the_audit_log, back_from_the_audit_log),
        migrations.DeleteModel(name="CaseAccess"),
    ]
