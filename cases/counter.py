"""Counter intake: an officer enters an application for a walk-in citizen.

The officer starts a new application for the citizen (their account, found by mobile
number, or a new account without a password that they can claim later by signing up with
the same number), fills the form on their behalf and submits it; the case opened for it
is marked as taken at the counter by that officer. The counter always starts a NEW
application: a draft the citizen started online stays theirs, never shown to the officer
(issue 15, item 2).
"""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from cases.models import CounterIntake
from services.models import Application
from services.submitting import SubmissionError


def counter_officer_for(application) -> User | None:
    """Return the officer who took the application at the counter, or None."""
    intake = CounterIntake.objects.filter(application_id=application.pk).select_related("officer")
    found = intake.first()
    return found.officer if found else None


def find_or_create_walk_in(*, name: str, mobile: str, date_of_birth=None) -> User:
    """Return the account with this mobile number, or a new one without a password."""
    existing = User.objects.filter(mobile=mobile).first() if mobile else None
    if existing is not None:
        return existing
    user = User(
        username=f"counter-{uuid.uuid4().hex[:12]}",
        name_km=name,
        mobile=mobile,
        date_of_birth=date_of_birth,
    )
    user.set_unusable_password()
    user.save()
    return user


@transaction.atomic
def do_start_counter_application(officer, office, service, citizen: User):
    """Start a new application for the citizen, recorded as taken at the counter by
    `officer`; the citizen's own drafts are left alone."""
    form_version = service.published_form()
    if form_version is None:
        raise SubmissionError(_("This service cannot be applied for online yet."))
    application = Application.objects.create(
        service=service,
        form_version=form_version,
        user=citizen,
        # Routed like an application made where it is taken, unless the form asks.
        area=getattr(citizen, "home_area", None) or office.area,
    )
    CounterIntake.objects.create(application=application, officer=officer, office=office)
    return application
