"""Loading applications and attachments for a person: the only way views get them.

Officers reach an attachment through the handling office's roles (`services.rules`) or
through a rule another app registers: the cases app calls

    register_attachment_viewer(lambda user, attachment: ...)

to let the officers of the office that holds the case see its files. Every download by
someone other than the applicant is logged and sent as the `attachment_viewed` signal, so
that the cases app can write it into the case's audit trail.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.dispatch import Signal
from django.http import Http404

from services.models import Application, Attachment

logger = logging.getLogger(__name__)

AttachmentRule = Callable[[Any, Attachment], bool]
_viewer_rules: list[AttachmentRule] = []

# Sent with `attachment` and `user` whenever someone other than the applicant opens a file.
attachment_viewed = Signal()


def register_attachment_viewer(rule: AttachmentRule) -> AttachmentRule:
    """Let `rule(user, attachment) -> bool` grant access to attachments (e.g. the officers
    of the office handling the case). Usable as a decorator."""
    if rule not in _viewer_rules:
        _viewer_rules.append(rule)
    return rule


def registered_viewer_allows(user, attachment: Attachment) -> bool:
    return user.is_authenticated and any(rule(user, attachment) for rule in _viewer_rules)


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
            "application__service", "application__user"
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
        attachment_viewed.send(sender=Attachment, attachment=attachment, user=user)
    return attachment
