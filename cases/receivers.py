"""Connections to other apps' signals (imported by `CasesConfig.ready`)."""

from __future__ import annotations

from django.dispatch import receiver

from cases.opening import do_open_case
from documents.access import document_downloaded
from services.access import attachment_viewed, register_attachment_viewer
from services.submitting import application_submitted


@receiver(application_submitted, dispatch_uid="cases.open_case")
def open_case_on_submit(sender, application, **kwargs) -> None:
    from cases.counter import counter_officer_for

    do_open_case(application, taken_at_counter_by=counter_officer_for(application))


@register_attachment_viewer
def officer_of_handling_office(user, attachment) -> bool:
    """Officers of the office handling the case may open its files."""
    from cases.models import Case

    case = Case.objects.filter(application_id=attachment.application_id).first()
    return case is not None and user.has_perm("cases.view_case_files", case)


@receiver(attachment_viewed, dispatch_uid="cases.attachment_viewed")
def record_attachment_view(sender, attachment, user, **kwargs) -> None:
    from cases.access import record_access
    from cases.models import Case

    case = Case.objects.filter(application_id=attachment.application_id).first()
    if case is not None:
        record_access(case, user, allowed=True, what="attachment")


@receiver(document_downloaded, dispatch_uid="cases.document_downloaded")
def record_document_download(sender, download, **kwargs) -> None:
    """An officer (or administrator) downloading a case's document opens the case's
    personal data: it goes into the case's audit like any other opening."""
    from cases.access import record_access
    from cases.models import Case
    from documents.models import DocumentDownload

    case = download.document.subject
    if download.role != DocumentDownload.Role.HOLDER and isinstance(case, Case):
        record_access(case, download.user, allowed=True, what="document", ip=download.ip_address)
