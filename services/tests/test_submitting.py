from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from accounts.tests.factories import create_user
from notifications.models import Notification
from services import submitting
from services.answers import answer_rows
from services.models import Application
from services.references import is_valid_reference
from services.submitting import (
    SubmissionError,
    check_submit_application,
    do_start_application,
    first_incomplete_page,
)
from services.tests.factories import create_application, create_service
from services.tests.helpers import make_complete

pytestmark = pytest.mark.django_db


def test_starting_twice_gives_the_same_draft():
    user, service = create_user(), create_service()
    first = do_start_application(user, service)
    assert do_start_application(user, service) == first
    assert first.form_version == service.published_form()


@pytest.fixture
def submission_handler():
    """Put the registered handler (cases' do_open_case) back after a test replaces it."""
    registered = list(submitting._submission_handler)
    yield submitting.register_submission_handler
    submitting._submission_handler[:] = registered


def test_submitting_gives_a_reference_with_check_digits_and_calls_the_handler_once(
    django_capture_on_commit_callbacks, submission_handler
):
    application = make_complete(create_application(create_user()))
    received = []
    submission_handler(lambda application: received.append(application.reference))
    with django_capture_on_commit_callbacks(execute=True):
        sent = check_submit_application(application, declared=True)
        again = check_submit_application(application, declared=True)  # a double click
    assert sent.state == Application.State.SUBMITTED
    assert is_valid_reference(sent.reference)
    assert again.reference == sent.reference
    assert received == [sent.reference]
    assert Application.objects.count() == 1
    [notification] = Notification.objects.filter(recipient=application.user)
    assert sent.reference in notification.title


def test_the_handler_runs_inside_the_transaction_so_a_failing_one_sends_nothing(
    submission_handler,
):
    application = make_complete(create_application(create_user()))

    def failing(application):
        raise RuntimeError("the case could not be opened")

    submission_handler(failing)
    with pytest.raises(RuntimeError):
        check_submit_application(application, declared=True)
    application.refresh_from_db()
    assert application.is_draft and application.reference is None and application.office is None


def test_without_a_handler_nothing_is_submitted(submission_handler):
    """An application is never submitted without someone to open its case."""
    application = make_complete(create_application(create_user()))
    submitting._submission_handler.clear()
    with pytest.raises(ImproperlyConfigured):
        check_submit_application(application, declared=True)
    application.refresh_from_db()
    assert application.is_draft


def test_the_declaration_must_be_made():
    application = make_complete(create_application(create_user()))
    with pytest.raises(SubmissionError):
        check_submit_application(application, declared=False)


def test_a_page_skipped_by_url_stops_the_submission_there():
    application = make_complete(create_application(create_user()))
    application.answers["married"] = True  # the spouse page is now asked, and unanswered
    application.save()
    assert first_incomplete_page(application) == "spouse"
    with pytest.raises(SubmissionError) as problem:
        check_submit_application(application, declared=True)
    assert problem.value.page_key == "spouse"


def test_answers_of_questions_no_longer_asked_are_not_submitted():
    application = make_complete(create_application(create_user()))
    application.answers["spouse_name"] = "from an earlier answer"
    application.save()
    sent = check_submit_application(application, declared=True)
    assert "spouse_name" not in sent.answers


def test_answer_rows_show_labels_and_values_in_the_page_language(settings):
    from django.utils import translation

    application = make_complete(create_application(create_user()))
    with translation.override("en"):
        rows = {row.label: row for row in answer_rows(application)}
    assert rows["Your name"].value == "សុខ ដារា\nSok Dara"
    assert rows["Are you married?"].value == "No"
    assert rows["Kind of certificate"].value == "Copy"
    assert "Name: Vannak" in rows["Child 1"].value
    assert rows["Photo"].attachments[0].original_name == "photo.png"
