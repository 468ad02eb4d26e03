"""Form versions: publishing freezes a definition; changing it means a new draft."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from audit.log import log_action
from services.models import FormVersion


@transaction.atomic
def do_publish_form_version(actor, version: FormVersion) -> None:
    """Publish a draft as `actor` (None: the portal itself, e.g. the demo loader); the
    service's earlier published versions are retired (applications made with them keep
    them)."""
    version.full_clean()
    FormVersion.objects.filter(service=version.service, status=FormVersion.Status.PUBLISHED).update(
        status=FormVersion.Status.RETIRED
    )
    version.status = FormVersion.Status.PUBLISHED
    version.published_at = timezone.now()
    version.save(update_fields=["status", "published_at"])
    log_action(
        actor,
        "services.formversion.published",
        version,
        {"service": version.service.slug, "number": version.number},
    )


@transaction.atomic
def do_copy_form_version(version: FormVersion) -> FormVersion:
    latest = FormVersion.objects.filter(service=version.service).aggregate(Max("number"))
    return FormVersion.objects.create(
        service=version.service,
        number=(latest["number__max"] or 0) + 1,
        definition=version.definition,
    )
