"""Uploads that would harm whoever opens them are refused: pictures that decode to
billions of pixels (decompression bombs) and PDFs that run scripts (issue 15, low)."""

from __future__ import annotations

import io
import os
import stat
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from sala.settings import base as base_settings
from services.attachments import check_upload
from services.definitions import Field

ITEM = Field(
    key="document",
    type="file",
    label={"en": "Document", "km": "ឯកសារ"},
    help={},
    required=True,
    when=None,
    spec={"accept": ["image/jpeg", "image/png", "application/pdf"], "max_size_mb": 5},
)


def png(width: int, height: int) -> bytes:
    """Return a real 1x1 PNG whose header then claims width x height (the CRC fixed)."""
    buffer = io.BytesIO()
    Image.new("RGB", (1, 1)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    header = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + header))
    return bytes(data)


def pdf(body: bytes) -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R " + body + b" >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n"
        b"%%EOF\n"
    )


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def refusal(name: str, data: bytes) -> str:
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        check_upload(upload(name, data), ITEM)
    return refused.value.messages[0]


def test_an_ordinary_photo_and_pdf_are_accepted():
    photo = io.BytesIO()
    Image.new("RGB", (3000, 4000)).save(photo, "JPEG")
    assert check_upload(upload("id.jpg", photo.getvalue()), ITEM) == "image/jpeg"
    assert check_upload(upload("form.pdf", pdf(b"")), ITEM) == "application/pdf"


def test_a_decompression_bomb_is_refused():
    bomb = png(100_000, 100_000)
    assert len(bomb) < 100
    assert "is a picture too large to open" in refusal("bomb.png", bomb)


def test_a_picture_just_under_the_limit_is_accepted():
    assert check_upload(upload("big.png", png(7000, 7000)), ITEM) == "image/png"


@pytest.mark.parametrize(
    "body",
    [
        b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>",
        b"/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>",
        b"/Names << /JavaScript 3 0 R >>",
        b"/OpenAction << /S /Launch /F (cmd.exe) >>",
    ],
)
def test_a_pdf_with_a_script_or_launch_action_is_refused(body):
    assert "is a PDF with scripts or actions in it" in refusal("form.pdf", pdf(body))


def test_a_script_hidden_in_a_compressed_object_stream_is_refused():
    hidden = zlib.compress(b"<< /S /JavaScript /JS (app.alert(1)) >>")
    body = b"/Extra 3 0 R >>\nendobj\n3 0 obj\n<< /Type /ObjStm /Filter /FlateDecode /Length "
    body += str(len(hidden)).encode() + b" >>\nstream\n" + hidden + b"\nendstream\nendobj\n<<"
    assert "is a PDF with scripts or actions in it" in refusal("form.pdf", pdf(body))


def test_the_refusal_is_in_khmer_too():
    with translation.override("km"), pytest.raises(ValidationError) as refused:
        check_upload(upload("form.pdf", pdf(b"/OpenAction << /S /JavaScript >>")), ITEM)
    assert "PDF" in refused.value.messages[0]
    assert "is a PDF" not in refused.value.messages[0]


def test_stored_attachments_are_readable_by_the_portal_only(tmp_path):
    """The storage as the settings define it (the tests' conftest replaces it)."""
    configured = base_settings.STORAGES["attachments"]
    storage = storages.create_storage(
        {**configured, "OPTIONS": {**configured["OPTIONS"], "location": tmp_path}}
    )
    name = storage.save("A-1/document/file.pdf", upload("form.pdf", pdf(b"")))
    assert stat.S_IMODE(os.stat(storage.path(name)).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(tmp_path / "A-1").st_mode) == 0o700
