"""Photos with a health question: up to three pictures (JPEG, PNG or WebP) with the
question and with each later message of the person or their carer.

They are checked as application attachments are (`services.attachments.check_upload`:
the bytes' real type, the size, the pixel count against decompression bombs) and kept
in the same private storage. They never appear in notifications, search or logs; the
only way to one is `access_photo`, for the person, their named carer and the clinicians
of the question's health centre (whose every opening is audited, like the question's).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import rules
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import Http404

from audit.log import log_access
from health.models import Question, QuestionMessage, QuestionPhoto
from services.attachments import attachment_storage, save_photo

logger = logging.getLogger(__name__)


def store_photos(
    question: Question,
    photos: Sequence[tuple[UploadedFile, str]],
    message: QuestionMessage | None = None,
) -> list[QuestionPhoto]:
    """Keep checked photos, inside the caller's transaction."""
    return [
        QuestionPhoto.objects.create(
            question=question,
            message=message,
            **vars(save_photo(f"health/{question.public_id}", *photo)),
        )
        for photo in photos
    ]


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
