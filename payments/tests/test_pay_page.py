"""The payment page: the applicant sees the KHQR, officers of the office read it, nobody
else sees it; a case waiting for its payment says so."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from audit.models import AuditEntry
from cases.tests.factories import submit
from payments.requesting import Confirmation, do_record_payment

pytestmark = pytest.mark.django_db


@pytest.fixture
def payment(world, paid_service):
    return submit(world.citizen, paid_service, area=world.tree.village).payment_requests.get()


def test_the_applicant_sees_the_code_amount_payee_and_text(client, world, payment):
    client.force_login(world.citizen)
    page = client.get(payment.get_absolute_url()).content.decode()
    assert "<svg" in page and "KHQR" in page
    assert "20,000 riel" in page
    assert "SALA PORTAL FEES" in page
    assert payment.payload in page
    assert "Save the code as a picture" in page


def test_the_khmer_page_shows_the_amount_in_khmer_digits(client, world, payment):
    client.force_login(world.citizen)
    with override("km"):
        url = payment.get_absolute_url()
    assert url.startswith("/km/")
    page = client.get(url).content.decode()
    assert "២០,០០០ រៀល" in page


def test_the_code_downloads_as_a_picture(client, world, payment):
    client.force_login(world.citizen)
    response = client.get(reverse("payments:qr_image", args=[payment.public_id]))
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")


def test_an_officer_of_the_office_reads_it_without_the_code_and_it_is_audited(
    client, world, payment
):
    client.force_login(world.clerk)
    page = client.get(payment.get_absolute_url()).content.decode()
    assert "20,000 riel" in page and "<svg" not in page
    assert AuditEntry.objects.filter(action="cases.case.viewed", actor=world.clerk).exists()


@pytest.mark.parametrize(
    ("who", "status"), [("outsider", 403), ("someone", 404), ("anonymous", 302)]
)
def test_nobody_else_sees_it(client, world, payment, who, status):
    from accounts.tests.factories import create_user

    if who == "outsider":
        client.force_login(world.outsider)
    elif who == "someone":
        client.force_login(create_user("someone"))
    assert client.get(payment.get_absolute_url()).status_code == status
    assert client.get(reverse("payments:qr_image", args=[payment.public_id])).status_code == status


def test_waiting_for_payment_shows_in_my_applications_and_the_queue_until_paid(
    client, world, payment
):
    client.force_login(world.citizen)
    assert "Waiting for payment" in client.get(reverse("cases:my_cases")).content.decode()
    assert "Waiting for payment" in client.get(payment.case.get_applicant_url()).content.decode()
    client.force_login(world.clerk)
    assert "Waiting for payment" in client.get(reverse("cases:queue")).content.decode()
    assert "Waiting for payment" in client.get(payment.case.get_absolute_url()).content.decode()
    do_record_payment(
        Confirmation(payment.md5, payment.amount, "KHR", "h" * 64, "dara@aclb", timezone.now())
    )
    assert "Waiting for payment" not in client.get(reverse("cases:queue")).content.decode()
    client.force_login(world.citizen)
    assert "Waiting for payment" not in client.get(reverse("cases:my_cases")).content.decode()
    assert "Fee paid" in client.get(payment.get_absolute_url()).content.decode()


def test_an_expired_code_says_so_and_the_applicant_gets_one_new_code(client, world, payment):
    from payments.models import PaymentRequest

    PaymentRequest.objects.filter(pk=payment.pk).update(expires_at=timezone.now())
    client.force_login(world.citizen)
    page = client.get(payment.get_absolute_url()).content.decode()
    assert "This payment code has expired" in page and "<svg" not in page
    first = client.post(payment.get_absolute_url())
    second = client.post(payment.get_absolute_url())  # a double click
    assert first["Location"] == second["Location"] != payment.get_absolute_url()
    assert PaymentRequest.objects.filter(case=payment.case).count() == 2
    assert "<svg" in client.get(first["Location"]).content.decode()


def test_an_officer_cannot_ask_for_a_new_code(client, world, payment):
    client.force_login(world.clerk)
    assert client.post(payment.get_absolute_url()).status_code == 403
