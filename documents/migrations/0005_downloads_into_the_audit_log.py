from django.conf import settings
from django.db import migrations

DOWNLOADED = "documents.document.downloaded"


def _document_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="documents", model="issueddocument")[0]


def into_the_audit_log(apps, schema_editor):
    """Each recorded download becomes an audit entry (who, when, from where, as holder,
    officer or administrator), readable by the issuing office and the holder."""
    DocumentDownload = apps.get_model("documents", "DocumentDownload")
    AuditEntry = apps.get_model("audit", "AuditEntry")
    document_type = _document_type(apps)
    downloads = DocumentDownload.objects.select_related("document").order_by("pk")
    entries = []
    for download in downloads.iterator():
        document = download.document
        entries.append(
            AuditEntry(
                created_at=download.downloaded_at,
                actor_id=download.user_id,
                actor_address=download.ip_address,
                action=DOWNLOADED,
                object_type=document_type,
                object_id=str(document.pk),
                object_repr=f"{document.code} {document.title_en}"[:200],
                office_id=document.office_id,
                person_id=document.holder_id,
                data={"role": download.role, "code": document.code},
            )
        )
    AuditEntry.objects.bulk_create(entries, batch_size=500)


def back_from_the_audit_log(apps, schema_editor):
    DocumentDownload = apps.get_model("documents", "DocumentDownload")
    AuditEntry = apps.get_model("audit", "AuditEntry")
    entries = AuditEntry.objects.filter(action=DOWNLOADED, object_type=_document_type(apps))
    for entry in entries.exclude(actor=None).iterator():
        download = DocumentDownload.objects.create(
            document_id=int(entry.object_id),
            user_id=entry.actor_id,
            role=entry.data.get("role", "holder"),
            ip_address=entry.actor_address,
        )
        # downloaded_at is auto_now_add: put the original time back.
        DocumentDownload.objects.filter(pk=download.pk).update(downloaded_at=entry.created_at)
    entries.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_audit_log"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("documents", "0004_validity"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(into_the_audit_log, back_from_the_audit_log),
        migrations.DeleteModel(name="DocumentDownload"),
    ]
