"""Photos with a health question: up to three pictures (JPEG, PNG or WebP) with the
question and with each later message of the person or their carer.

They are checked as application attachments are (`services.attachments.check_upload`:
the bytes' real type, the size, the pixel count against decompression bombs) and kept
in the same private storage. They never appear in notifications, search or logs; the
only way to one is `access_photo`, for the person, their named carer and the clinicians
of the question's health centre (whose every opening is audited, like the question's).
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
from health.models import Question, QuestionMessage, QuestionPhoto
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


def store_photos(
    question: Question,
    photos: Sequence[tuple[UploadedFile, str]],
    message: QuestionMessage | None = None,
) -> list[QuestionPhoto]:
    """Keep checked photos, inside the caller's transaction."""
    kept = []
    for upload, content_type in photos:
        digest = hashlib.sha256()
        for chunk in upload.chunks():
            digest.update(chunk)
        upload.seek(0)
        name = f"health/{question.public_id}/{uuid.uuid4().hex}{EXTENSIONS[content_type]}"
        stored = attachment_storage().save(name, upload)
        kept.append(
            QuestionPhoto.objects.create(
                question=question,
                message=message,
                stored_name=stored,
                content_type=content_type,
                size=cast(int, upload.size),  # set by the upload handlers
                sha256=digest.hexdigest(),
            )
        )
    return kept


def access_photo(user, public_id) -> QuestionPhoto:
    """Return the photo for the person who asked, their carer or a clinician of the
    question's health centre; a clinician's opening is audited, and so is any other
    signed-in user's refused try (404: nobody learns the photo exists). Like
    `health.questions.allowed`, only the health rules are asked: administrators pass no
    check here."""
    photo = (
        QuestionPhoto.objects.select_related("question__office", "question__user")
        .filter(public_id=public_id)
        .first()
    )
    if photo is None or not user.is_authenticated:
        raise Http404
    question = photo.question
    if rules.has_perm("health.view_own_question", user, question):
        return photo
    may_open = rules.has_perm("health.view_question", user, question)
    with transaction.atomic():
        log_access(
            user,
            "health.question_photo_opened",
            question,
            allowed=may_open,
            office=question.office,
            person=question.user,
        )
    if not may_open:
        logger.warning("health photo access refused", extra={"user_id": user.pk})
        raise Http404
    return photo


def open_photo(photo: QuestionPhoto):
    return attachment_storage().open(photo.stored_name, "rb")
