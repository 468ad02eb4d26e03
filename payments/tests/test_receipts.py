"""A confirmed payment gets one signed receipt, whoever confirmed it and however often:
the applicant and the office's officers download it, /verify/ says it is a payment
receipt with the amount, service, reference and date, and nobody else has its PDF."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from cases.issuing import issued_document
from cases.tests.factories import submit
from documents.issuing import verify_document
from documents.models import IssuedDocument
from payments import receipts
from payments.cash import do_record_cash
from payments.models import PaymentRequest
from payments.polling import poll_payments
from payments.requesting import Confirmation, do_record_payment

pytestmark = pytest.mark.django_db


@pytest.fixture
def payment(world, paid_service):
    return submit(world.citizen, paid_service, area=world.tree.village).payment_requests.get()


def confirm(payment: PaymentRequest) -> PaymentRequest | None:
    return do_record_payment(
        Confirmation(
            md5=payment.md5, amount=payment.amount, currency=payment.currency,
            transaction_hash="b" * 64, payer_account="dara@aclb", paid_at=timezone.now(),
        )
    )  # fmt: skip


def test_a_payment_found_by_polling_gets_a_receipt_once_even_confirmed_twice(
    bakong, payment, django_capture_on_commit_callbacks
):
    bakong.pay(payment.payload)
    with django_capture_on_commit_callbacks(execute=True):
        assert poll_payments().recorded == 1
    with django_capture_on_commit_callbacks(execute=True):
        poll_payments()  # the provider confirms it again on the next run
        confirm(payment)  # and a bank's callback says so a third time
    payment.refresh_from_db()
    assert payment.status == "paid" and payment.receipt is not None
    assert IssuedDocument.objects.filter(kind="receipt").count() == 1
    assert receipts.ensure_receipt(payment.pk) == payment.receipt  # a later try: the same one


def test_the_receipt_is_signed_says_what_was_paid_and_is_not_the_case_document(
    client, world, payment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        confirm(payment)
    payment.refresh_from_db()
    receipt = payment.receipt
    assert verify_document(receipt.code).authentic
    assert receipt.holder == world.citizen and receipt.office == world.hall
    assert issued_document(payment.case) is None  # the office still issues its own document
    with override("en"):
        page = client.get(receipt.get_absolute_url()).content.decode()
    assert "Payment receipt" in page and "This document is valid" in page
    for shown in ("20,000 riel", payment.reference, "KHQR (Bakong)", world.service.name_en):
        assert shown in page
    for private in ("dara@aclb", "1990", "b" * 64):
        assert private not in page
    with override("km"):
        page = client.get(receipt.get_absolute_url()).content.decode()
    assert "បង្កាន់ដៃបង់ប្រាក់" in page and "២០,០០០ រៀល" in page


def test_cash_at_the_counter_gets_a_receipt_the_clerk_prints(
    client, world, payment, django_capture_on_commit_callbacks
):
    client.force_login(world.clerk)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(payment.get_absolute_url(), {"cash": "yes"})
        client.post(payment.get_absolute_url(), {"cash": "yes"})  # a double click
    payment.refresh_from_db()
    assert IssuedDocument.objects.filter(kind="receipt").count() == 1
    assert any(f["value_en"] == "Cash at the counter" for f in payment.receipt.facts)
    with override("en"):
        page = client.get(response["Location"]).content.decode()
    assert "Download the receipt (PDF)" in page and "Print the receipt" in page
    pdf = client.get(reverse("documents:download", args=[payment.receipt.code]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


def test_a_receipt_that_could_not_be_signed_is_issued_when_the_page_is_next_opened(
    client, world, payment, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(**kwargs):
        raise RuntimeError("the signing key is not readable")

    monkeypatch.setattr(receipts, "prepare_document", broken)
    with django_capture_on_commit_callbacks(execute=True):
        do_record_cash(world.clerk, payment)
    payment.refresh_from_db()
    assert payment.status == "paid" and payment.receipt is None
    client.force_login(world.citizen)
    with override("en"):
        assert (
            "The receipt is being prepared"
            in client.get(payment.get_absolute_url()).content.decode()
        )
    monkeypatch.undo()
    with override("en"):
        page = client.get(payment.get_absolute_url()).content.decode()
    assert "Download the receipt (PDF)" in page
    assert IssuedDocument.objects.filter(kind="receipt").count() == 1


@pytest.mark.parametrize(
    ("who", "status"),
    [("citizen", 200), ("clerk", 200), ("approver", 200), ("head", 200), ("outsider", 403),
     ("stranger", 403), ("anonymous", 302)],
)  # fmt: skip
def test_who_may_download_the_receipt(
    client, world, payment, who, status, django_capture_on_commit_callbacks
):
    from accounts.tests.factories import create_user

    with django_capture_on_commit_callbacks(execute=True):
        do_record_cash(world.clerk, payment)
    payment.refresh_from_db()
    if who == "stranger":
        client.force_login(create_user("stranger"))
    elif who != "anonymous":
        client.force_login(getattr(world, who))
    response = client.get(reverse("documents:download", args=[payment.receipt.code]))
    assert response.status_code == status


def test_the_applicant_finds_the_receipt_from_my_applications(
    client, world, payment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        confirm(payment)
    client.force_login(world.citizen)
    with override("en"):
        listing = client.get(reverse("cases:my_cases")).content.decode()
    assert "Fee paid" in listing and payment.get_absolute_url() in listing
    assert "Waiting for payment" not in listing


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="the tests' in-memory SQLite (shared cache) refuses concurrent writers at once; "
    "make test-postgres runs this",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_confirmations_arriving_at_once_pay_once_and_issue_one_receipt(world, paid_service):
    """The poll, the bank's callback and a retry confirm the same payment at the same
    moment, each in its own thread and database connection."""
    from audit.models import AuditEntry

    payment = submit(world.citizen, paid_service, area=world.tree.village).payment_requests.get()
    barrier = threading.Barrier(4)
    errors: list[str] = []

    def confirm_at_once() -> None:
        barrier.wait()
        try:
            confirm(payment)
            receipts.ensure_receipt(payment.pk)
        except Exception as error:  # noqa: BLE001 - shown in the assertion
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm_at_once) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert AuditEntry.objects.filter(action="payments.request.paid").count() == 1
    assert IssuedDocument.objects.filter(kind="receipt").count() == 1
    payment.refresh_from_db()
    assert payment.receipt is not None
