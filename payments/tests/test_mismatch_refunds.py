"""Refunds of mismatches (money that paid no bill of ours, or not as billed): a finance
officer of the office (any finance officer for money with no office) asks, with a reason,
for at most what arrived; a second finance officer decides. The reconciliation list and the
XLSX export say what became of the money."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import override
from openpyxl import load_workbook

from audit.models import AuditEntry
from payments.mismatches import record_mismatch
from payments.models import Mismatch, Refund
from payments.refunds import RefundError, do_decide_refund, do_request_refund

pytestmark = pytest.mark.django_db


@pytest.fixture
def unknown():
    """20,000 riel paid for a bill the portal never issued: no office."""
    return record_mismatch(
        source="bakong", reason=Mismatch.Reason.UNKNOWN_BILL, amount=Decimal(20000),
        currency="KHR", transaction_hash="u" * 64, md5="0" * 32,
        payer_account="dara@aclb", paid_at=timezone.now(),
    )  # fmt: skip


@pytest.fixture
def of_the_hall(world):
    return record_mismatch(
        source="statement", reason=Mismatch.Reason.UNCONFIRMED, amount=Decimal(5000),
        currency="KHR", transaction_hash="h" * 20, office=world.hall, reference="X-1",
        payer_account="sok@wing",
    )  # fmt: skip


@pytest.fixture
def second_finance(world):
    from accounts.tests.factories import create_user, grant

    officer = create_user("bopha")
    grant(officer, world.hall, "finance-officer")
    return officer


def url(mismatch):
    return f"/en/pay/finance/mismatches/{mismatch.pk}/refund/"


def test_a_finance_officer_asks_and_another_approves_a_refund_of_an_unknown_bill(
    client, finance, second_finance, unknown
):
    client.force_login(finance)
    with override("en"):
        form = client.get(url(unknown)).content.decode()
    assert "dara@aclb" in form and "No such bill" in form  # the account to pay back
    response = client.post(url(unknown), {"amount": "20000", "reason": "Paid by mistake"})
    assert response.status_code == 302
    client.post(url(unknown), {"amount": "20000", "reason": "Paid by mistake"})  # twice
    refund = Refund.objects.get()
    assert refund.mismatch == unknown and refund.payment is None

    assert client.post(refund.get_absolute_url(), {"decision": "approve"}).status_code == 403
    client.force_login(second_finance)
    response = client.post(refund.get_absolute_url(), {"decision": "approve", "note": ""})
    assert response.status_code == 302
    refund.refresh_from_db()
    assert refund.status == "approved" and refund.decided_by == second_finance
    actions = set(AuditEntry.objects.filter(action__startswith="payments.refund.").values_list(
        "action", flat=True))  # fmt: skip
    assert actions == {"payments.refund.requested", "payments.refund.approved"}

    with override("en"):
        listed = client.get("/en/pay/finance/").content.decode()
    assert "Refunded" in listed
    book = load_workbook(io.BytesIO(client.get("/en/pay/finance/export.xlsx").content))
    rows = list(book.worksheets[1].iter_rows(values_only=True))
    assert rows[0][-2:] == ("Refund", "Amount refunded")
    assert rows[1][-2:] == ("Refunded", 20000)


def test_no_more_than_arrived_and_a_reason_are_needed(client, finance, of_the_hall):
    client.force_login(finance)
    with override("en"):
        too_much = client.post(url(of_the_hall), {"amount": "5001", "reason": "Wrong"})
        no_reason = client.post(url(of_the_hall), {"amount": "5000", "reason": ""})
    assert too_much.status_code == 400 and "At most 5,000 riel" in too_much.content.decode()
    assert 'value="5001"' in too_much.content.decode()  # what was typed is kept
    assert no_reason.status_code == 400
    assert not Refund.objects.exists()
    do_request_refund(finance, of_the_hall, Decimal(3000), "Part of it")
    with pytest.raises(RefundError):
        do_request_refund(finance, of_the_hall, Decimal(2001), "The rest and more")


def test_the_list_shows_a_refund_waiting_and_a_link_to_ask(client, finance, of_the_hall):
    client.force_login(finance)
    with override("en"):
        listed = client.get("/en/pay/finance/").content.decode()
    assert "Not refunded" in listed and url(of_the_hall) in listed
    do_request_refund(finance, of_the_hall, Decimal(5000), "Not ours")
    with override("en"):
        listed = client.get("/en/pay/finance/").content.decode()
    assert "Refund waiting for approval" in listed


def test_a_refund_rejected_needs_a_note_and_nobody_decides_their_own(
    finance, second_finance, of_the_hall
):
    refund = do_request_refund(finance, of_the_hall, Decimal(5000), "Not ours")
    with pytest.raises(PermissionDenied):
        do_decide_refund(finance, refund, approve=True)
    with pytest.raises(RefundError):
        do_decide_refund(second_finance, refund, approve=False)
    do_decide_refund(second_finance, refund, approve=False, note="It was ours after all")
    assert Refund.objects.get().status == "rejected"


@pytest.mark.parametrize("who", ["clerk", "approver", "head", "citizen", "outsider"])
def test_officers_without_the_finance_role_and_citizens_are_refused(
    client, world, finance, of_the_hall, who
):
    refund = do_request_refund(finance, of_the_hall, Decimal(100), "Not ours")
    client.force_login(getattr(world, who))
    assert client.get(url(of_the_hall)).status_code == 403
    assert client.post(url(of_the_hall), {"amount": "100", "reason": "x"}).status_code == 403
    assert client.post(refund.get_absolute_url(), {"decision": "approve"}).status_code == 403
    assert Refund.objects.get().status == "requested"


def test_another_offices_finance_officer_is_refused_but_may_refund_money_of_no_office(
    client, finance, other_finance, of_the_hall, unknown
):
    refund = do_request_refund(finance, of_the_hall, Decimal(100), "Not ours")
    client.force_login(other_finance)
    assert client.get(url(of_the_hall)).status_code == 403
    assert client.post(refund.get_absolute_url(), {"decision": "approve"}).status_code == 403
    assert client.get(url(unknown)).status_code == 200


def test_signed_out_people_are_sent_to_sign_in(client, of_the_hall):
    response = client.get(url(of_the_hall))
    assert response.status_code == 302 and "/account/sign-in/" in response["Location"]
