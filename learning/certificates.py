"""A certificate for a finished course, issued by `documents` (kind "certificate",
template `learning-certificate` from this app's migration): a signed PDF with shaped Khmer
and a QR code that /verify/ checks. Refused while a lesson of the course is not done. The
learner is told through notifications, with the verification link."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.formatting import format_date
from documents.issuing import do_save_document, prepare_document
from documents.models import IssuedDocument, Kind
from learning.models import Enrolment
from learning.notifications import CERTIFICATE_ISSUED
from learning.progress import summary_of
from notifications.api import notify

TEMPLATE = "learning-certificate"


def certificate_facts(enrolment: Enrolment) -> list[dict[str, str]]:
    course = enrolment.course
    finished = timezone.localdate(enrolment.completed_at or timezone.now())
    return [
        {
            "key": "course",
            "label_km": "វគ្គសិក្សា",
            "label_en": "Course",
            "value_km": course.title_km,
            "value_en": course.title_en,
        },
        {
            "key": "institution",
            "label_km": "ស្ថាប័ន",
            "label_en": "Institution",
            "value_km": course.institution.name_km,
            "value_en": course.institution.name_en,
        },
        {
            "key": "completed",
            "label_km": "បញ្ចប់នៅថ្ងៃ",
            "label_en": "Completed on",
            "value_km": format_date(finished, "km"),
            "value_en": format_date(finished, "en"),
        },
    ]


def _notify_learner(enrolment: Enrolment, document: IssuedDocument) -> None:
    """Tell the learner, on the channels they chose, with the link that verifies it."""
    course = enrolment.course
    with translation.override(enrolment.user.preferred_language or "km"):
        url = document.get_absolute_url()
    notify(
        enrolment.user,
        CERTIFICATE_ISSUED.name,
        {"course": {"km": course.title_km, "en": course.title_en}, "code": document.code,
         "url": url},
        key=f"learning.certificate:{enrolment.pk}",
    )  # fmt: skip


def do_issue_certificate(user: Any, enrolment: Enrolment) -> IssuedDocument:
    """Return the enrolment's certificate, issuing it the first time. Raise ValidationError
    for a course not finished. The PDF is made outside the write transaction (SQLite has
    one writer); two requests at once keep the first certificate."""
    if enrolment.certificate_id:
        return enrolment.certificate  # type: ignore[return-value]
    if enrolment.completed_at is None or not summary_of(enrolment).complete:
        raise ValidationError(_("Finish every lesson of the course to get its certificate."))
    holder_name = user.display_name or user.get_username()
    document = prepare_document(
        kind=Kind.CERTIFICATE,
        template_key=TEMPLATE,
        holder_name=holder_name,
        facts=certificate_facts(enrolment),
        issuer_office=None,
        subject=enrolment,
        holder=user,
    )
    with transaction.atomic():
        locked = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if locked.certificate_id:
            return locked.certificate  # type: ignore[return-value]
        do_save_document(document)
        locked.certificate = document
        locked.save(update_fields=["certificate"])
        _notify_learner(enrolment, document)
    enrolment.certificate = document
    return document
