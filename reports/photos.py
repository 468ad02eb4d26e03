"""Photos with a report: up to three pictures (JPEG, PNG or WebP), checked as application
attachments are (`services.attachments.check_upload`: the bytes' real type, the size, the
pixel count) and kept in the same private storage, as health keeps a question's photos.

A photo may show a person or a house: it is not public. The reporter and the officers of
the report's office see it (their openings audited); `access_photo` is the only way in.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Sequence
from typing import cast

import rules
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import Http404

from audit.log import log_access
from reports.models import Photo, Report
from services.attachments import EXTENSIONS, attachment_storage, check_upload, count_error
from services.definitions import Field

logger = logging.getLogger(__name__)

PHOTOS = Field(
    key="photos",
    type="file",
    label={},
    help={},
    required=False,
    when=None,
    spec={
        "accept": ["image/jpeg", "image/png", "image/webp"],
        "max_size_mb": 5,
        "max_files": 3,
    },
)


def check_photos(uploads: Sequence[UploadedFile]) -> list[tuple[UploadedFile, str]]:
    """Return each acceptable photo with its content type, or raise ValidationError with
    every problem found (too many, too large, not a picture, too many pixels)."""
    too_many = count_error(PHOTOS, len(uploads))
    if too_many:
        raise ValidationError(too_many, code="too_many")
    checked, errors = [], []
    for upload in uploads:
        try:
            checked.append((upload, check_upload(upload, PHOTOS)))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    return checked


def store_photos(report: Report, photos: Sequence[tuple[UploadedFile, str]]) -> list[Photo]:
    """Keep checked photos, inside the caller's transaction."""
    kept = []
    for upload, content_type in photos:
        digest = hashlib.sha256()
        for chunk in upload.chunks():
            digest.update(chunk)
        upload.seek(0)
        name = f"reports/{report.public_id}/{uuid.uuid4().hex}{EXTENSIONS[content_type]}"
        stored = attachment_storage().save(name, upload)
        kept.append(
            Photo.objects.create(
                report=report,
                stored_name=stored,
                content_type=content_type,
                size=cast(int, upload.size),  # set by the upload handlers
                sha256=digest.hexdigest(),
            )
        )
    return kept


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
