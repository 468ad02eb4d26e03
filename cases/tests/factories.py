"""Submitted applications (and so cases) for the cases tests."""

from __future__ import annotations

from cases.models import Case
from services.submitting import check_submit_application
from services.tests.factories import create_application
from services.tests.helpers import make_complete


def submit(user, service, area=None) -> Case:
    """Submit a complete application through services; return the case it opened."""
    application = make_complete(create_application(user, service, area=area))
    check_submit_application(application, declared=True)
    return Case.objects.get(application=application)
