"""Counter intake: an officer enters an application for a walk-in citizen.

The officer starts a draft for the citizen (their account, found by mobile number or
email, or a new account without a password that they can claim later by signing up with
the same number), fills the form on their behalf and submits it; the case opened for it
is marked as taken at the counter by that officer.
"""

from __future__ import annotations

import uuid

from django.db import transaction

from accounts.models import User
from cases.models import CounterIntake
from services.submitting import do_start_application


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
    """Start the citizen's draft, recorded as taken at the counter by `officer`."""
    application = do_start_application(citizen, service)
    if application.area_id is None:  # routed like an application made where it is taken
        application.area = office.area
        application.save(update_fields=["area", "updated_at"])
    CounterIntake.objects.get_or_create(
        application=application, defaults={"officer": officer, "office": office}
    )
    return application
