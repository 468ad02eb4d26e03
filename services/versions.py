"""Form versions: publishing freezes a definition; changing it means a new draft."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from services.models import FormVersion


@transaction.atomic
def do_publish_form_version(version: FormVersion) -> None:
    """Publish a draft; the service's earlier published versions are retired (applications
    made with them keep them)."""
    version.full_clean()
    FormVersion.objects.filter(service=version.service, status=FormVersion.Status.PUBLISHED).update(
        status=FormVersion.Status.RETIRED
    )
    version.status = FormVersion.Status.PUBLISHED
    version.published_at = timezone.now()
    version.save(update_fields=["status", "published_at"])


@transaction.atomic
def do_copy_form_version(version: FormVersion) -> FormVersion:
    latest = FormVersion.objects.filter(service=version.service).aggregate(Max("number"))
    return FormVersion.objects.create(
        service=version.service,
        number=(latest["number__max"] or 0) + 1,
        definition=version.definition,
    )
