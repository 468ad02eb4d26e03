"""Photos with a report: up to three pictures (JPEG, PNG or WebP), checked as application
attachments are (`services.attachments.check_upload`: the bytes' real type, the size, the
pixel count) and kept in the same private storage, as health keeps a question's photos.

A photo may show a person or a house: it is not public. The reporter and the officers of
the report's office see it (their openings audited); `access_photo` is the only way in.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import rules
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import Http404

from audit.log import log_access
from reports.models import Photo, Report
from services.attachments import attachment_storage, save_photo

logger = logging.getLogger(__name__)


def store_photos(report: Report, photos: Sequence[tuple[UploadedFile, str]]) -> list[Photo]:
    """Keep checked photos, inside the caller's transaction."""
    return [
        Photo.objects.create(
            report=report, **vars(save_photo(f"reports/{report.public_id}", *photo))
        )
        for photo in photos
    ]


def access_photo(user, public_id) -> Photo:
    """Return the photo for the reporter or an officer of the report's office who may read
    its cases (audited, as is any other signed-in user's refused try); 404 for the rest."""
    photo = Photo.objects.select_related("report__office").filter(public_id=public_id).first()
    if photo is None or not user.is_authenticated:
        raise Http404
    report = photo.report
    if rules.has_perm("reports.view_own_report", user, report):
        return photo
    may_open = user.has_perm("reports.view_reporter", report)
    with transaction.atomic():
        log_access(
            user,
            "reports.photo.opened",
            report,
            allowed=may_open,
            office=report.office,
            person=report.user,
        )
    if not may_open:
        logger.warning("report photo access refused", extra={"user_id": user.pk})
        raise Http404
    return photo


def open_photo(photo: Photo):
    return attachment_storage().open(photo.stored_name, "rb")
