"""Refunds, four eyes: one officer of the case's office asks, a second one who decides
approves or rejects; never more than was paid less what was given back; both steps
audited; the applicant is told; the payment shows it refunded."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from audit.models import AuditEntry
from cases.tests.factories import submit
from notifications.models import Notification
from payments.models import PaymentRequest, Refund
from payments.refunds import RefundError, do_decide_refund, do_request_refund
from payments.requesting import Confirmation, do_record_payment

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid(world, paid_service) -> PaymentRequest:
    payment = submit(world.citizen, paid_service, area=world.tree.village).payment_requests.get()
    return do_record_payment(
        Confirmation(
            md5=payment.md5, amount=payment.amount, currency="KHR", transaction_hash="c" * 64,
            payer_account="dara@aclb", paid_at=timezone.now(),
        )
    )  # fmt: skip


@pytest.fixture
def asked(world, paid) -> Refund:
    return do_request_refund(world.clerk, paid, Decimal(5000), "Charged for a certified copy")


def test_a_partial_refund_asked_by_one_officer_and_approved_by_another(world, paid, asked):
    assert asked.status == "requested"
    paid.refresh_from_db()
    assert paid.refunded_amount == 0  # nothing given back before the approval
    do_decide_refund(world.approver, asked, approve=True)
    paid.refresh_from_db()
    assert paid.refunded_amount == 5000 and paid.refund_standing == "partly_refunded"
    assert paid.status == "paid"
    told = Notification.objects.get(recipient=world.citizen, event="payments.refund_approved")
    assert told.context["amount"] == {"km": "៥,០០០ រៀល", "en": "5,000 riel"}
    actions = set(AuditEntry.objects.filter(action__startswith="payments.refund")
                  .values_list("action", "actor_id"))  # fmt: skip
    assert actions == {("payments.refund.requested", world.clerk.pk),
                       ("payments.refund.approved", world.approver.pk)}  # fmt: skip


def test_the_rest_refunded_makes_it_refunded_and_no_more_can_be_asked(world, paid, asked):
    do_decide_refund(world.head, asked, approve=True)
    rest = do_request_refund(world.clerk, paid, Decimal(15000), "The office cannot do it")
    do_decide_refund(world.approver, rest, approve=True)
    paid.refresh_from_db()
    assert paid.refund_standing == "refunded" and paid.refundable_amount == 0
    with pytest.raises(RefundError):
        do_request_refund(world.clerk, paid, Decimal(1), "Once more")


def test_nobody_approves_their_own_request(world, paid):
    own = do_request_refund(world.approver, paid, Decimal(20000), "Paid twice at the counter")
    with pytest.raises(PermissionDenied):
        do_decide_refund(world.approver, own, approve=True)
    assert Refund.objects.get(pk=own.pk).status == "requested"


@pytest.mark.parametrize("who", ["clerk", "outsider", "citizen"])
def test_only_deciders_of_the_office_decide(world, asked, who):
    with pytest.raises(PermissionDenied):
        do_decide_refund(getattr(world, who), asked, approve=True)


@pytest.mark.parametrize("who", ["outsider", "citizen"])
def test_only_officers_of_the_office_ask(world, paid, who):
    with pytest.raises(PermissionDenied):
        do_request_refund(getattr(world, who), paid, Decimal(1000), "A reason")


def test_never_more_than_paid_less_refunds_made_or_asked(world, paid, asked):
    with pytest.raises(RefundError, match="15,000"):
        do_request_refund(world.clerk, paid, Decimal(15001), "Too much")  # 5,000 asked already
    do_decide_refund(world.approver, asked, approve=False, note="Not charged for a copy")
    do_request_refund(world.clerk, paid, Decimal(20000), "The whole fee")  # rejected: freed


def test_a_reason_is_needed_to_ask_and_to_reject_and_riel_are_whole(world, paid, asked):
    with pytest.raises(RefundError):
        do_request_refund(world.clerk, paid, Decimal(100), "   ")
    with pytest.raises(RefundError):
        do_request_refund(world.clerk, paid, Decimal("100.50"), "Half a riel")
    with pytest.raises(RefundError):
        do_decide_refund(world.approver, asked, approve=False, note="")


def test_a_double_clicked_approval_gives_back_once_and_a_second_decider_is_refused(
    world, paid, asked
):
    do_decide_refund(world.approver, asked, approve=True)
    do_decide_refund(world.approver, asked, approve=True)  # a double click
    with pytest.raises(RefundError):
        do_decide_refund(world.head, asked, approve=False, note="Too late")
    paid.refresh_from_db()
    assert paid.refunded_amount == 5000
    assert AuditEntry.objects.filter(action="payments.refund.approved").count() == 1


def test_a_double_clicked_request_asks_once(client, world, paid):
    client.force_login(world.clerk)
    url = reverse("payments:refund_request", args=[paid.public_id])
    for _ in range(2):
        assert client.post(url, {"amount": "5000", "reason": "Paid twice"}).status_code == 302
    assert Refund.objects.count() == 1


def test_an_unpaid_request_cannot_be_refunded(world, paid_service):
    pending = submit(world.citizen, paid_service, area=world.tree.village).payment_requests.get()
    with pytest.raises(RefundError):
        do_request_refund(world.clerk, pending, Decimal(1000), "Not paid")


def test_a_rejection_is_told_to_the_applicant(world, asked):
    do_decide_refund(world.approver, asked, approve=False, note="The copy was made")
    assert Notification.objects.filter(event="payments.refund_rejected").count() == 1
    assert AuditEntry.objects.filter(action="payments.refund.rejected").count() == 1


# The screens.


def login(client, world, who):
    from accounts.tests.factories import create_user, grant

    if who == "reader":
        reader = create_user("reader")
        grant(reader, world.hall, "reader")
        client.force_login(reader)
    elif who != "anonymous":
        client.force_login(getattr(world, who))


@pytest.mark.parametrize(
    ("who", "status"),
    [("clerk", 200), ("approver", 200), ("head", 200), ("reader", 403), ("outsider", 403),
     ("citizen", 403), ("anonymous", 302)],
)  # fmt: skip
def test_who_may_open_the_refund_request_screen(client, world, paid, who, status):
    login(client, world, who)
    assert (
        client.get(reverse("payments:refund_request", args=[paid.public_id])).status_code == status
    )


@pytest.mark.parametrize(
    ("who", "status", "buttons"),
    [("clerk", 200, False), ("approver", 200, True), ("head", 200, True), ("reader", 403, False),
     ("outsider", 403, False), ("citizen", 403, False), ("anonymous", 302, False)],
)  # fmt: skip
def test_who_may_open_the_refund_decision_screen(client, world, asked, who, status, buttons):
    login(client, world, who)
    with override("en"):
        response = client.get(asked.get_absolute_url())
    assert response.status_code == status
    assert ("Approve the refund" in response.content.decode()) is buttons


def test_the_officer_asks_on_the_screen_and_a_mistyped_amount_keeps_the_form(client, world, paid):
    client.force_login(world.clerk)
    url = reverse("payments:refund_request", args=[paid.public_id])
    with override("en"):
        page = client.get(paid.get_absolute_url()).content.decode()
        assert url in page  # "Ask for a refund" on the payment page
        wrong = client.post(url, {"amount": "twenty", "reason": "Paid for a copy"})
        assert wrong.status_code == 400
        text = wrong.content.decode()
        assert "Enter an amount above zero, in digits." in text and "Paid for a copy" in text
        too_much = client.post(url, {"amount": "25000", "reason": "Paid for a copy"})
        assert too_much.status_code == 400 and "At most 20,000 riel" in too_much.content.decode()
        done = client.post(url, {"amount": "៥០០០", "reason": "Paid for a copy"})
    assert done.status_code == 302
    assert Refund.objects.get().amount == 5000


def test_the_second_officer_approves_on_the_screen_and_the_requester_cannot(client, world, asked):
    client.force_login(world.clerk)
    assert client.post(asked.get_absolute_url(), {"decision": "approve"}).status_code == 403
    client.force_login(world.approver)
    with override("en"):
        rejected = client.post(asked.get_absolute_url(), {"decision": "reject", "note": ""})
    assert (
        rejected.status_code == 400
        and "Write why the refund is rejected." in rejected.content.decode()
    )
    assert client.post(asked.get_absolute_url(), {"decision": "approve"}).status_code == 302
    client.force_login(world.citizen)
    with override("en"):
        page = client.get(asked.payment.get_absolute_url()).content.decode()
    assert "Partly refunded" in page and "5,000 riel given back." in page


def test_the_officers_who_may_approve_are_told_but_not_the_one_who_asked(
    world, paid, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        refund = do_request_refund(world.approver, paid, Decimal(1000), "Paid for a copy")
    told = Notification.objects.filter(event="payments.refund_to_approve")
    assert set(told.values_list("recipient", flat=True)) == {world.head.pk}
    assert told.get().context["url"] == f"/km/pay/refunds/{refund.public_id}/"
