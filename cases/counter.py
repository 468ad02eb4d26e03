"""Counter intake: an officer enters an application for a walk-in citizen.

The officer starts a new application for the citizen (their account, found by a verified
mobile number or, with the identity checked at the counter, by any number; else a new
account without a password that they can claim later by signing up with the same number),
fills the form on their behalf and submits it; the case opened for it is marked as taken
at the counter by that officer. The counter always starts a NEW application: a draft the
citizen started online stays theirs, never shown to the officer (issue 15, item 2).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from audit.log import log_action
from cases.models import CounterIntake
from services.models import Application
from services.submitting import SubmissionError


def counter_officer_for(application) -> User | None:
    """Return the officer who took the application at the counter, or None."""
    intake = CounterIntake.objects.filter(application_id=application.pk).select_related("officer")
    found = intake.first()
    return found.officer if found else None


# How a walk-in was bound to an account (recorded in the audit log, told to the officer).
BY_VERIFIED_NUMBER = "verified_number"
BY_IDENTITY_CHECKED = "identity_checked"
NEW_ACCOUNT = "new_account"


@dataclass(frozen=True)
class WalkIn:
    user: User
    how: str
    # An account holds the number but has not verified it, and the officer did not check
    # the person's identity: the walk-in got a new account instead.
    unverified_holder: bool = False


def walk_in_account(
    *, name: str, mobile: str, date_of_birth=None, identity_checked: bool = False
) -> WalkIn:
    """Return the account a walk-in's application goes to, and how it was chosen.

    An account is used only if its number is verified (its holder entered a code sent to
    it by SMS), or if the officer checked the person's identity at the counter. Otherwise
    (no account, or a number someone put in a profile without verifying it) the walk-in
    gets a new account without a password, so that a number claimed by someone else never
    hands them the walk-in's case.
    """
    holders = User.objects.filter(mobile=mobile).order_by("pk") if mobile else User.objects.none()
    verified = holders.filter(mobile_verified=True).first()
    if verified is not None:
        return WalkIn(verified, BY_VERIFIED_NUMBER)
    holder = holders.first()
    if holder is not None and identity_checked:
        return WalkIn(holder, BY_IDENTITY_CHECKED)
    # A number is one account's: the walk-in's new account goes without it when another
    # account holds it (the receipt's reference and date of birth still find the case).
    user = _new_walk_in(
        name=name, mobile="" if holder is not None else mobile, date_of_birth=date_of_birth
    )
    return WalkIn(user, NEW_ACCOUNT, unverified_holder=holder is not None)


def find_or_create_walk_in(*, name: str, mobile: str, date_of_birth=None) -> User:
    """Return the account with this verified mobile number, or a new one (`walk_in_account`)."""
    return walk_in_account(name=name, mobile=mobile, date_of_birth=date_of_birth).user


def _new_walk_in(*, name: str, mobile: str, date_of_birth=None) -> User:
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
def do_start_counter_application(officer, office, service, citizen: User, how: str = ""):
    """Start a new application for the citizen, recorded as taken at the counter by
    `officer`; the citizen's own drafts are left alone. The audit log records how the
    walk-in was bound to the account (`how`, see `walk_in_account`)."""
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
    log_action(
        officer,
        "cases.counter.taken",
        application,
        {"bound_by": how, "service": service.slug},
        office=office,
        person=citizen,
    )
    return application
