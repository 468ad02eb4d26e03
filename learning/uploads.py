"""Lesson media checked by their content before they are kept: the real type from the
file's bytes (libmagic, as `services.attachments.check_upload` does for application
attachments and health for photos), not its name, and a size limit per kind, so a
learner with little data is never sent something other than what the lesson says."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile

from learning.models import MediaKind
from services.attachments import check_upload
from services.definitions import Field

ACCEPTED = {
    MediaKind.IMAGE: (["image/jpeg", "image/png", "image/webp"], 2),
    MediaKind.AUDIO: (["audio/mpeg", "audio/ogg", "audio/mp4", "audio/x-m4a"], 20),
    MediaKind.FILE: (["application/pdf"], 10),
}


def media_field(kind: str) -> Field:
    accept, max_size_mb = ACCEPTED[MediaKind(kind)]
    return Field(
        key=f"media-{kind}",
        type="file",
        label={},
        help={},
        required=True,
        when=None,
        spec={"accept": accept, "max_size_mb": max_size_mb, "max_files": 1},
    )


def check_media(upload: UploadedFile, kind: str) -> str:
    """Return the file's real content type, or raise ValidationError saying which types
    and what size this kind of media may be."""
    return check_upload(upload, media_field(kind))
