"""Which office handles an issued document now, for the rules on who may have its PDF.

A document is issued in an office's name (`IssuedDocument.office`, signed, never
changed). The app it was issued for may say that another office handles it now: the
cases app registers its `Case` so that the officers of the case's current office have the
case's documents, and those of an office the case was rerouted away from no longer do.
`documents` imports no issuer; the issuer registers (in its `AppConfig.ready`):

    register_handling_office(Case, lambda case: case.office)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import models

from documents.models import IssuedDocument

OfficeOfSubject = Callable[[Any], Any]
_handling_offices: dict[type[models.Model], OfficeOfSubject] = {}


def register_handling_office(model: type[models.Model], office_of_subject: OfficeOfSubject):
    """Let `office_of_subject(subject)` give the office handling the documents issued for
    instances of `model` (a geo.Facility, or None when no office does)."""
    _handling_offices[model] = office_of_subject
    return office_of_subject


def handling_office(document: IssuedDocument) -> Any:
    """Return the office whose officers may have the document: the one its subject's app
    names, else the issuing office. None when no office handles it."""
    subject_type = document.subject_type
    model = subject_type.model_class() if subject_type is not None else None
    if model is not None:
        office_of_subject = _handling_offices.get(model)
        if office_of_subject is not None:
            subject = document.subject
            return office_of_subject(subject) if subject is not None else None
    return document.office
