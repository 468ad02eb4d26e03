"""Starting, saving and submitting applications: the state changes of a draft.

Submitting decides the office once (`services.routing`), stores it on the application,
and calls the one submission handler, inside the same transaction: the cases app
registers `cases.opening.do_open_case` there (`register_submission_handler`, in its
`AppConfig.ready`), so that an application is never submitted without its case. `services`
sits below `cases` and never imports it; the handler is a plain call the reader can follow,
not a signal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from geo.models import Area
from notifications.api import notify
from services.attachments import do_remove_attachment
from services.definitions import pages_to_ask, visible_answers
from services.forms import bound_from_answers
from services.models import Application, Service
from services.references import make_reference
from services.routing import office_for_application

logger = logging.getLogger(__name__)

SubmissionHandler = Callable[[Application], object]
_submission_handler: list[SubmissionHandler] = []


def register_submission_handler(handler: SubmissionHandler) -> SubmissionHandler:
    """Make `handler(application)` the one thing submitting calls once the application is
    submitted and its office stored (inside the submitting transaction). Registering the
    same handler again changes nothing; a second, different one replaces the first."""
    _submission_handler[:] = [handler]
    return handler


def _handle_submitted(application: Application) -> None:
    if not _submission_handler:
        raise ImproperlyConfigured(
            "No submission handler is registered: the cases app must be installed."
        )
    _submission_handler[0](application)


class SubmissionError(Exception):
    """The application cannot be submitted yet; `page_key` is where to fix it."""

    def __init__(self, message: str, page_key: str | None = None) -> None:
        super().__init__(message)
        self.page_key = page_key


def may_apply(user, service: Service) -> bool:
    """Return whether the person may apply online (signed in, verified if required)."""
    if not service.is_online or service.status != Service.Status.PUBLISHED:
        return False
    if not user.is_authenticated:
        return False
    return not service.requires_verified_identity or bool(
        getattr(user, "is_identity_verified", False)
    )


@transaction.atomic
def do_start_application(user, service: Service, organisation=None) -> Application:
    """Return the person's open draft for the service (for this organisation), or start one.

    Pressing "Start now" twice gives the same draft.
    """
    form_version = service.published_form()
    if form_version is None:
        raise SubmissionError(_("This service cannot be applied for online yet."))
    existing = (
        Application.objects.select_for_update()
        .drafts()
        .filter(user=user, service=service, organisation=organisation)
        .order_by("-updated_at")
        .first()
    )
    if existing is not None:
        return existing
    return Application.objects.create(
        service=service,
        form_version=form_version,
        user=user,
        organisation=organisation,
        area=getattr(user, "home_area", None),
    )


@transaction.atomic
def do_save_answers(application: Application, page_answers: dict[str, Any], page_key: str) -> None:
    """Keep one page's answers in the draft at once (replacing that page's earlier ones)."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if not application.is_draft:
        raise SubmissionError(_("This application has already been sent."))
    form = application.form_version.form()
    page = form.page(page_key)
    answers = dict(application.answers)
    for question in page.fields if page else ():
        answers.pop(question.key, None)
    answers.update(page_answers)
    application.answers = answers
    fields = ["answers", "updated_at"]
    if form.area_field and answers.get(form.area_field):
        application.area = Area.objects.filter(code=answers[form.area_field]).first()
        fields.append("area")
    application.save(update_fields=fields)


@transaction.atomic
def do_save_file_answers(application: Application, files: dict[str, list[str]]) -> None:
    """Keep the files of some questions (attachment ids) in the draft, leaving the rest of
    the page's answers as they were: used when a page is refused for another reason."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if not application.is_draft:
        raise SubmissionError(_("This application has already been sent."))
    answers = dict(application.answers)
    for key, attachment_ids in files.items():
        if attachment_ids:
            answers[key] = attachment_ids
        else:
            answers.pop(key, None)
    application.answers = answers
    application.save(update_fields=["answers", "updated_at"])


def first_incomplete_page(application: Application) -> str | None:
    """Return the key of the first page whose stored answers are missing or no longer
    valid, checking every page the conditions ask for, as on the pages themselves."""
    form = application.form_version.form()
    answers = visible_answers(form, application.answers)
    attachments = {str(a.public_id): a for a in application.attachments.all()}
    for page in pages_to_ask(form, answers):
        if not bound_from_answers(page, answers, attachments).is_valid():
            return page.key
    return None


@transaction.atomic
def check_submit_application(application: Application, *, declared: bool) -> Application:
    """Submit the draft once: a second call (double click, repeated POST, retry) returns
    the application already submitted. Raises SubmissionError when something is missing."""
    application = (
        Application.objects.select_for_update()
        .select_related("service", "form_version", "user")
        .get(pk=application.pk)
    )
    if not application.is_draft:
        return application
    form = application.form_version.form()
    if (page_key := first_incomplete_page(application)) is not None:
        raise SubmissionError(_("Some answers are missing. Check this page."), page_key)
    if form.declaration and not declared:
        raise SubmissionError(_("Tick the box to confirm the declaration."))
    now = timezone.now()
    application.answers = visible_answers(form, application.answers)
    application.state = Application.State.SUBMITTED
    application.submitted_at = now
    application.reference = make_reference(timezone.localdate(now).year, application.pk)
    application.office = office_for_application(application)
    application.save(
        update_fields=["answers", "state", "submitted_at", "reference", "office", "updated_at"]
    )
    _drop_unused_attachments(application)
    _handle_submitted(application)
    transaction.on_commit(lambda: _notify_submitted(application), robust=True)
    logger.info(
        "application submitted",
        extra={"reference": application.reference, "service": application.service.slug},
    )
    return application


def _drop_unused_attachments(application: Application) -> None:
    """Files of questions no longer asked (an earlier answer changed) are not sent."""
    form = application.form_version.form()
    used = {
        attachment_id
        for _page, item in form.all_fields()
        if item.type == "file"
        for attachment_id in application.answers.get(item.key) or []
    }
    for attachment in application.attachments.all():
        if str(attachment.public_id) not in used:
            do_remove_attachment(attachment)


def _notify_submitted(application: Application) -> None:
    notify(
        application.user,
        "services.application_submitted",
        {
            "reference": application.reference,
            "service": {"km": application.service.name_km, "en": application.service.name_en},
            "url": application.get_absolute_url(),
        },
        key=f"application:{application.pk}:submitted",
    )
