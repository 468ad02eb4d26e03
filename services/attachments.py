"""Uploaded files: checked by their content (libmagic), size and count, pictures by their
pixel count (no decompression bombs) and PDFs for scripts (no JavaScript or launch
actions), then kept in the private `attachments` storage (`STORAGES["attachments"]`:
local files under `SALA_ATTACHMENTS_ROOT`, 0600 in 0700 folders, or an S3 bucket through
django-storages in production).

Files are never given a public URL. `services.access` decides who may download one, and
`services.views.attachment` streams it after that check.
"""

from __future__ import annotations

import hashlib
import logging
import re
import uuid
import warnings
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import magic
from django.core.exceptions import ValidationError
from django.core.files.storage import Storage, storages
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from PIL import Image

from core.formatting import format_number
from services.definitions import Field
from services.models import Application, Attachment

logger = logging.getLogger(__name__)

SNIFF_BYTES = 8192
TYPE_NAMES = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/webp": "WebP",
    "image/heic": "HEIC",
    "application/pdf": "PDF",
}
EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "image/heic": ".heic",
    "application/pdf": ".pdf",
}


# Pictures decode to width x height pixels in memory whatever the file's size: a small
# file can claim a picture of billions (a decompression bomb). Phones' photos stay far
# below this.
MAX_PIXELS = 50_000_000
# PDF actions that run something when the file is opened or clicked: JavaScript, and
# launching a program. Names may be written with #xx escapes (/J#61vaScript).
PDF_ACTIONS = re.compile(rb"/(?:JavaScript|JS|Launch)(?![A-Za-z0-9])")
PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
PDF_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)
# What the streams of one PDF may inflate to while we look for actions in them.
PDF_INFLATE_LIMIT = 64 * 1024 * 1024


def _pdf_texts(data: bytes) -> list[bytes]:
    """Return the PDF's bytes and its compressed streams inflated (object streams can hide
    the actions), at most PDF_INFLATE_LIMIT bytes in all."""
    texts, budget = [data], PDF_INFLATE_LIMIT
    for match in PDF_STREAM.finditer(data):
        if budget <= 0:
            break
        inflater = zlib.decompressobj()
        try:
            inflated = inflater.decompress(match.group(1), budget)
        except zlib.error:
            continue
        budget -= len(inflated)
        texts.append(inflated)
    return texts


def pdf_has_actions(upload: UploadedFile) -> bool:
    """Return True if the PDF carries JavaScript or a program launch."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    for text in _pdf_texts(data):
        unescaped = PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), text)
        if PDF_ACTIONS.search(unescaped):
            return True
    return False


def picture_pixels(upload: UploadedFile) -> int:
    """Return width x height from the picture's header (nothing is decoded); 0 if Pillow
    cannot read the format."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as picture:
                width, height = picture.size
    except Image.DecompressionBombError:
        return MAX_PIXELS + 1
    except (OSError, ValueError):  # a format Pillow does not read (HEIC without its plugin)
        return 0
    finally:
        upload.seek(0)
    return width * height


def check_content(upload: UploadedFile, content_type: str) -> None:
    """Raise ValidationError for a picture too large to open safely or a PDF that runs
    something."""
    if content_type.startswith("image/") and picture_pixels(upload) > MAX_PIXELS:
        raise ValidationError(
            _(
                "“%(name)s” is a picture too large to open. Send a smaller photo or a "
                "scan of the document."
            )
            % {"name": upload.name},
            code="too_many_pixels",
        )
    if content_type == "application/pdf" and pdf_has_actions(upload):
        raise ValidationError(
            _(
                "“%(name)s” is a PDF with scripts or actions in it, which we do not "
                "accept. Print it to a new PDF, or send a scan or a photo instead."
            )
            % {"name": upload.name},
            code="pdf_actions",
        )


def attachment_storage() -> Storage:
    return storages["attachments"]


def sniff_content_type(upload: UploadedFile) -> str:
    """Return the MIME type the file's bytes say it is (not its name or the browser's word)."""
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    return magic.from_buffer(head, mime=True)


def type_names(accept: tuple[str, ...]) -> str:
    return ", ".join(TYPE_NAMES.get(t, t) for t in accept)


def check_upload(upload: UploadedFile, item: Field) -> str:
    """Return the content type of an acceptable upload, or raise ValidationError saying
    which types and what size are allowed."""
    limit = item.max_size_mb * 1024 * 1024
    language_number = format_number(item.max_size_mb, get_language())
    if cast(int, upload.size) > limit:  # Django's upload handlers always set the size
        raise ValidationError(
            _("“%(name)s” is too large. Choose a file of %(size)s MB or less.")
            % {"name": upload.name, "size": language_number},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(
            _("“%(name)s” is empty. Choose another file.") % {"name": upload.name}, code="empty"
        )
    content_type = sniff_content_type(upload)
    if content_type not in item.accept:
        raise ValidationError(
            _("“%(name)s” is not an allowed file. The file must be %(types)s.")
            % {"name": upload.name, "types": type_names(item.accept)},
            code="wrong_type",
        )
    check_content(upload, content_type)
    return content_type


def count_error(item: Field, count: int) -> str:
    """Return the message for too many files ("" when the count is allowed)."""
    if count <= item.max_files:
        return ""
    return ngettext(
        "You can upload %(count)s file here. Remove one before adding another.",
        "You can upload at most %(count)s files here. Remove some before adding more.",
        item.max_files,
    ) % {"count": item.max_files}


@transaction.atomic
def do_store_attachment(
    application: Application, item: Field, upload: UploadedFile, content_type: str
) -> Attachment:
    """Keep an upload that `check_upload` accepted; return its Attachment."""
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    name = (
        f"{application.public_id}/{item.key}/{uuid.uuid4().hex}{EXTENSIONS.get(content_type, '')}"
    )
    stored = attachment_storage().save(name, upload)
    attachment = Attachment.objects.create(
        application=application,
        field_key=item.key,
        stored_name=stored,
        original_name=(upload.name or "file")[-255:],
        content_type=content_type,
        size=cast(int, upload.size),  # set by the upload handlers
        sha256=digest.hexdigest(),
    )
    return attachment


@transaction.atomic
def do_remove_attachment(attachment: Attachment) -> None:
    """Delete a draft's attachment and, once the deletion is committed, its file."""
    name = attachment.stored_name
    attachment.delete()
    transaction.on_commit(lambda: attachment_storage().delete(name))


def open_attachment(attachment: Attachment):
    return attachment_storage().open(attachment.stored_name, "rb")


# Photos sent with a health question or a citizen's report: up to three pictures, checked as
# attachments are and kept in the same private storage.
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


@dataclass(frozen=True)
class SavedPhoto:
    stored_name: str
    content_type: str
    size: int
    sha256: str


def save_photo(folder: str, upload: UploadedFile, content_type: str) -> SavedPhoto:
    """Keep one checked photo under `folder` in the private storage, with its digest."""
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    name = f"{folder}/{uuid.uuid4().hex}{EXTENSIONS[content_type]}"
    stored = attachment_storage().save(name, upload)
    return SavedPhoto(stored, content_type, cast(int, upload.size), digest.hexdigest())
