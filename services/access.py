"""Loading applications and attachments for a person: the only way views get them.

Officers reach an application and its attachments through the office now handling it
(`services.rules`: the office stored at submission, which only rerouting its case
changes). Every opening of a file by someone other than the applicant goes into the audit
log (`audit.log.log_access`), with the handling office and the applicant as the people
who may read the entry.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404

from audit.log import log_access
from services.models import Application, Attachment

logger = logging.getLogger(__name__)

ATTACHMENT_VIEWED = "services.attachment.viewed"


def _load(public_id) -> Application:
    try:
        return Application.objects.select_related("service", "form_version", "user").get(
            public_id=public_id
        )
    except (Application.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def access_application_by_public_id(user, public_id) -> Application:
    """Return the application if the user may see it; 404 for everyone else (so that its
    existence is not revealed)."""
    application = _load(public_id)
    if not user.has_perm("services.view_application", application):
        raise Http404
    return application


def access_draft_by_public_id(user, public_id) -> Application:
    """Return the applicant's own draft to fill in; 404 for anyone else, PermissionDenied
    once it has been submitted (the caller shows the submitted page instead)."""
    application = _load(public_id)
    if application.user_id != getattr(user, "pk", None):
        raise Http404
    if not user.has_perm("services.change_application", application):
        raise PermissionDenied
    return application


def access_attachment_by_public_id(user, public_id) -> Attachment:
    """Return the attachment if the user may open it; 404 otherwise. Records every opening
    by someone who is not the applicant."""
    try:
        attachment = Attachment.objects.select_related(
            "application__service", "application__user", "application__office"
        ).get(public_id=public_id)
    except (Attachment.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    if not user.has_perm("services.view_attachment", attachment):
        raise Http404
    if attachment.application.user_id != user.pk:
        logger.info(
            "attachment opened by an officer",
            extra={
                "user_id": user.pk,
                "attachment": str(attachment.public_id),
                "application": str(attachment.application.public_id),
            },
        )
        application = attachment.application
        log_access(
            user,
            ATTACHMENT_VIEWED,
            attachment,
            office=application.office_id,
            person=application.user,
            data={"application": str(application.public_id), "reference": application.reference},
        )
    return attachment
