"""Helpers that build applications ready to submit."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from services.attachments import do_store_attachment
from services.models import Application
from services.tests.factories import PNG, complete_answers


def attach_photo(application: Application, name: str = "photo.png") -> str:
    item = application.form_version.form().field("photo")
    upload = SimpleUploadedFile(name, PNG, content_type="image/png")
    return str(do_store_attachment(application, item, upload, "image/png").public_id)


def make_complete(application: Application) -> Application:
    answers = complete_answers()
    answers["photo"] = [attach_photo(application)]
    application.answers = answers
    application.save(update_fields=["answers"])
    return application
