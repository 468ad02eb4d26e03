from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from freezegun import freeze_time

from cases.models import Case
from cases.tests.factories import submit
from cases.workflow import do_transition
from notifications.models import Notification
from services.tests.factories import PNG

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(world):
    return submit(world.citizen, world.service, area=world.tree.village)


def test_my_applications_show_the_state(client, world, case):
    client.force_login(world.citizen)
    page = client.get(reverse("cases:my_cases")).content.decode()
    assert case.reference in page and "Received" in page


def test_the_due_date_is_shown_until_the_office_decides(client, world, case):
    client.force_login(world.citizen)
    url = case.get_applicant_url()
    assert "The office aims to decide by" in client.get(url).text
    do_transition(case, "start_review", actor=world.clerk)
    do_transition(case, "approve", actor=world.approver)
    assert "The office aims to decide by" not in client.get(url).text


def test_answering_a_request_for_information_puts_the_case_back_in_review(
    client, world, case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        do_transition(case, "request_information", actor=world.clerk,
                      reason="Send a clearer photo")  # fmt: skip
    assert Notification.objects.filter(
        recipient=world.citizen, event="cases.information_requested").exists()  # fmt: skip
    client.force_login(world.citizen)
    page = client.get(case.get_applicant_url()).content.decode()
    assert "Send a clearer photo" in page
    photo = SimpleUploadedFile("new.png", PNG, content_type="image/png")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(case.get_applicant_url(), {"body": "Here it is", "files": [photo]})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == "in_review"
    message = case.messages.get()
    assert message.attachments.get().original_name == "new.png"


def test_a_wrong_file_keeps_the_message_and_changes_nothing(client, world, case):
    do_transition(case, "request_information", actor=world.clerk, reason="Photo")
    client.force_login(world.citizen)
    bad = SimpleUploadedFile("x.png", b"not a picture", content_type="image/png")
    response = client.post(case.get_applicant_url(), {"body": "Keep me", "files": [bad]})
    assert response.status_code == 400
    assert "Keep me" in response.content.decode()
    assert Case.objects.get().state == "information_requested"


def test_withdrawing(client, world, case):
    client.force_login(world.citizen)
    response = client.post(case.get_applicant_url(), {"withdraw": "1", "version": case.version})
    assert response.status_code == 200
    assert "Withdraw your application?" in response.content.decode()
    assert Case.objects.get().state == "received"  # only asked, nothing done yet
    client.post(case.get_applicant_url(),
                {"withdraw": "1", "version": case.version, "confirmed": "yes"})  # fmt: skip
    assert Case.objects.get().state == "withdrawn"


def test_someone_else_cannot_see_the_case(client, world, case):
    client.force_login(world.clerk)
    assert client.get(case.get_applicant_url()).status_code == 404


def test_status_check_by_reference_and_date_of_birth_is_rate_limited(
    client, world, case, client_ip
):
    url = reverse("cases:status_check")
    client.defaults["REMOTE_ADDR"] = client_ip
    wrong = client.post(url, {"reference": case.reference, "date_of_birth": "1990-01-01"})
    assert wrong.status_code == 400
    assert "No application matches" in wrong.content.decode()
    right = client.post(url, {"reference": case.reference.lower(), "date_of_birth": "1990-05-17"})
    assert right.status_code == 200 and "Received" in right.content.decode()
    for _ in range(10):
        response = client.post(url, {"reference": case.reference, "date_of_birth": "1990-05-17"})
    assert response.status_code == 429


def test_applicants_behind_nginx_each_have_their_own_status_check_limit(
    client, case, settings, new_address
):
    settings.SALA_TRUSTED_PROXY_COUNT = 1
    dara, sokha = new_address(), new_address()

    def check(forwarded: str) -> int:
        return client.post(
            reverse("cases:status_check"),
            {"reference": case.reference, "date_of_birth": "1990-05-17"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=forwarded,
        ).status_code

    with freeze_time("2026-12-01 09:01:00"):  # all in one ten-minute window
        assert [check(dara) for _ in range(11)] == [200] * 10 + [429]
        assert check(sokha) == 200
        # An address Dara sends herself goes in front of the one nginx appends.
        assert check(f"{sokha}, {dara}") == 429


def test_counter_intake_for_a_walk_in_citizen_becomes_a_case_taken_at_the_counter(client, world):
    client.force_login(world.clerk)
    response = client.post(reverse("cases:counter_start"), {
        "service": world.service.pk, "name": "ចាន់ ស្រីមុំ", "mobile": "+85512999888",
        "date_of_birth_day": "2", "date_of_birth_month": "3",
        "date_of_birth_year": "1985"})  # fmt: skip
    form_url = response["Location"]
    posts = {
        "about": {"name__km": "ចាន់ ស្រីមុំ", "name__latin": "Chan Sreymom",
                  "phone": "012 999 888", "married": "no"},
        "children": {"kind": "copy", "children__count": "1", "children__0__child_name": "Vannak",
                     "children__0__born": "02/01/2020"},
        "documents": {"photo": SimpleUploadedFile("p.png", PNG, content_type="image/png")},
    }  # fmt: skip
    for _ in range(4):
        page = client.get(form_url)
        if page.templates[0].name == "cases/counter_check.html":
            break
        key = page.context["page"].key
        response = client.post(form_url, posts[key])
        assert response.status_code == 302, response.content.decode()[:3000]
    response = client.post(form_url, {"send": "1"})
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.taken_at_counter_by == world.clerk
    assert case.office == world.hall
    receipt = client.get(response["Location"]).content.decode()
    assert case.reference in receipt
    status = client.post(reverse("cases:status_check"),
                         {"reference": case.reference, "date_of_birth": "1985-03-02"})  # fmt: skip
    assert status.status_code == 200
