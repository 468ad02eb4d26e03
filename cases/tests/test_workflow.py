from __future__ import annotations

import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection

from cases.models import Case, CaseEvent
from cases.tests.factories import submit
from cases.workflow import (
    DEFAULT_WORKFLOW,
    CaseActionError,
    StaleCaseError,
    do_transition,
    workflow_errors,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(world):
    return submit(world.citizen, world.service, area=world.tree.village)


def test_the_default_workflow_is_valid_and_a_broken_one_is_explained():
    assert workflow_errors(DEFAULT_WORKFLOW) == []
    broken = {"states": [{"key": "received", "km": "ក", "en": "a"}],
              "transitions": [{"key": "x", "from": ["received"], "to": "nowhere",
                               "roles": [], "km": "ក", "en": "x"}]}  # fmt: skip
    errors = workflow_errors(broken)
    assert any("unknown states" in e for e in errors)
    assert any("roles" in e for e in errors)


def test_a_transition_is_recorded_with_who_why_and_where(world, case):
    do_transition(case, "start_review", actor=world.clerk, ip="10.0.0.7")
    do_transition(case, "request_information", actor=world.clerk, reason="A clearer photo")
    case.refresh_from_db()
    assert case.state == "information_requested"
    assert case.version == 3
    event = case.events.filter(kind=CaseEvent.Kind.TRANSITION).first()
    assert (event.actor, event.from_state, event.to_state, event.ip) == (
        world.clerk, "received", "in_review", "10.0.0.7")  # fmt: skip


def test_only_the_roles_of_the_workflow_may_take_a_transition(world, case):
    do_transition(case, "start_review", actor=world.clerk)
    with pytest.raises(PermissionDenied):
        do_transition(case, "approve", actor=world.clerk)
    with pytest.raises(PermissionDenied):
        do_transition(case, "approve", actor=world.outsider)
    with pytest.raises(PermissionDenied):
        do_transition(case, "withdraw", actor=world.clerk)
    case.refresh_from_db()
    assert case.state == "in_review"


def test_a_second_approval_gets_a_clear_message(world, case):
    do_transition(case, "start_review", actor=world.clerk)
    do_transition(case, "approve", actor=world.approver)
    with pytest.raises(CaseActionError, match="already done"):
        do_transition(case, "approve", actor=world.head)
    assert Case.objects.get().state == "approved"
    assert CaseEvent.objects.filter(transition="approve").count() == 1


def test_a_stale_version_changes_nothing(world, case):
    seen = case.version
    do_transition(case, "start_review", actor=world.clerk)
    with pytest.raises(StaleCaseError):
        do_transition(case, "request_information", actor=world.approver, reason="x",
                      expected_version=seen)  # fmt: skip
    assert Case.objects.get().state == "in_review"


def test_a_reason_is_needed_to_reject(world, case):
    do_transition(case, "start_review", actor=world.clerk)
    with pytest.raises(CaseActionError, match="reason"):
        do_transition(case, "reject", actor=world.approver, reason="  ")


def test_issuing_records_the_document_and_the_applicant_may_not_withdraw_after_a_decision(
    world, case
):
    do_transition(case, "start_review", actor=world.clerk)
    do_transition(case, "approve", actor=world.approver)
    with pytest.raises(CaseActionError):
        do_transition(case, "withdraw", actor=world.citizen)
    do_transition(case, "issue_document", actor=world.approver)
    assert Case.objects.get().state == "document_issued"
    assert CaseEvent.objects.filter(kind=CaseEvent.Kind.DOCUMENT).count() == 1


def test_the_applicant_withdraws_before_a_decision(world, case):
    do_transition(case, "withdraw", actor=world.citizen)
    assert Case.objects.get().state == "withdrawn"


def test_a_notification_that_fails_after_the_commit_does_not_fail_the_transition(
    world, case, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    def broken(*args, **kwargs):
        raise RuntimeError("the notification could not be written")

    monkeypatch.setattr("cases.notifying.notify_state_changed", broken)
    with django_capture_on_commit_callbacks(execute=True):
        do_transition(case, "start_review", actor=world.clerk)  # does not raise
    assert Case.objects.get(pk=case.pk).state == "in_review"
    assert "the notification could not be written" in caplog.text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_officers_approving_at_once_give_one_approval(world):
    case = submit(world.citizen, world.service, area=world.tree.village)
    do_transition(case, "start_review", actor=world.clerk)
    results = []
    barrier = threading.Barrier(2)

    def approve(officer):
        barrier.wait()
        try:
            do_transition(Case.objects.get(pk=case.pk), "approve", actor=officer)
            results.append("ok")
        except CaseActionError as exc:
            results.append(str(exc))
        except Exception as exc:  # noqa: BLE001  (e.g. SQLite busy on a loaded machine)
            results.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(o,)) for o in (world.approver, world.head)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 2 and results.count("ok") == 1
    assert CaseEvent.objects.filter(transition="approve").count() == 1
