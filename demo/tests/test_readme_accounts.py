"""Every demo account the README names can do what the README says it does, and one thing
it says (or implies) it cannot. Each signs in as a person does: allauth's sign-in form
with the printed password, then the demo TOTP code for officers and staff (issue 16).

The demo is loaded once for the module (over a small gazetteer: Daun Penh in Phnom Penh,
Sla Kram in Siem Reap), inside a transaction that is rolled back at the end.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone

from accounts.models import OfficeMembership, Role, User
from accounts.tests.totp import totp_code
from cases.issuing import issued_document
from cases.models import Case
from content.models import InstitutionPage, can_approve_page
from demo.accounts import DEMO_ACCOUNTS, demo_passwords
from demo.officers import DEMO_TOTP_SECRET
from geo.models import Facility
from geo.tests.factories import create_area
from health.models import DangerSignTable, Slot
from health.tests.factories import create_question
from payments.models import PaymentRequest
from services.models import Application

pytestmark = [pytest.mark.django_db, pytest.mark.timeout(1500)]

README_ACCOUNTS = {
    "admin", "citizen", "clerk", "chief", "approver", "head", "editor",
    "nurse", "midwife", "moh", "reader", "counter", "finance",
    "prices", "prices-review",
}  # fmt: skip
HALL, DISTRICT = "commune-hall-120201", "district-office-1202"


@pytest.fixture(scope="module")
def passwords(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[dict[str, str]]:
    """Load the demo once; hand out the printed passwords."""
    with django_db_blocker.unblock(), override_settings(VAR_DIR=tmp_path_factory.mktemp("var")):
        with transaction.atomic():
            phnom_penh = create_area("12", "Phnom Penh", "ភ្នំពេញ")
            daun_penh = create_area("1202", "Doun Penh", "ដូនពេញ", phnom_penh)
            commune = create_area("120201", "Phsar Thmei Ti Muoy", "ផ្សារថ្មីទី១", daun_penh)
            create_area("12020101", "Phum 1", "ភូមិ១", commune)
            siem_reap = create_area("17", "Siem Reap", "សៀមរាប")
            city = create_area("1710", "Siem Reap", "សៀមរាប", siem_reap)
            create_area("171001", "Sla Kram", "ស្លក្រាម", city)
            call_command("load_demo_data", stdout=io.StringIO())
            yield demo_passwords()
            transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """allauth counts sign-in attempts and remembers used TOTP codes in the cache."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def signed_in(username: str, passwords: dict[str, str]) -> Client:
    """A client signed in through allauth's form, with the demo TOTP code if asked."""
    client = Client()
    response = client.post(
        "/en/account/sign-in/", {"login": username, "password": passwords[username]}
    )
    assert response.status_code == 302, f"{username} could not sign in"
    if "/account/2fa/authenticate/" in response["Location"]:
        response = client.post(
            "/en/account/2fa/authenticate/", {"code": totp_code(DEMO_TOTP_SECRET)}
        )
        assert response.status_code == 302, f"{username}'s TOTP code was refused"
        assert "/2fa/" not in response["Location"]
    assert client.get("/en/account/").status_code == 200
    return client


def a_case(service_slug: str, state: str) -> Case:
    return Case.objects.filter(service__slug=service_slug, state=state).order_by("pk").first()


def act(client: Client, case: Case, transition: str, reason: str = "") -> int:
    case.refresh_from_db()
    data = {"transition": transition, "version": case.version, "reason": reason}
    return client.post(
        f"/en/office/cases/{case.public_id}/act/", {**data, "confirmed": "yes"}
    ).status_code


def test_the_readme_names_every_demo_account_and_no_other(passwords):
    assert {account.username for account in DEMO_ACCOUNTS} == README_ACCOUNTS
    assert set(passwords) >= README_ACCOUNTS


def test_admin_opens_the_back_office_and_the_design_page_only_after_the_second_factor(
    passwords,
):
    half = Client()
    half.post("/en/account/sign-in/", {"login": "admin", "password": passwords["admin"]})
    assert half.get("/cms/").status_code == 302  # not yet: the code is still to come
    admin = signed_in("admin", passwords)
    for url in ("/cms/", "/django-admin/", "/en/design/"):
        assert admin.get(url).status_code == 200, url


def test_citizen_applies_for_the_business_permit_and_downloads_the_issued_document(passwords):
    citizen = signed_in("citizen", passwords)
    response = citizen.post("/en/services/demo-business-permit/start/")
    assert response.status_code == 302
    assert Application.objects.filter(
        user__username="citizen", service__slug="demo-business-permit", submitted_at=None
    ).exists()
    issued = a_case("demo-business-permit", "document_issued")
    assert issued.reference in citizen.get("/en/cases/").content.decode()
    download = citizen.get(f"/en/issued-documents/{issued_document(issued).code}/pdf/")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert citizen.get("/en/account/profile/data-use/").status_code == 200
    assert citizen.get("/en/office/").status_code == 403  # no office's queue


def test_clerk_starts_the_review_and_asks_for_information_but_does_not_approve(passwords):
    clerk = signed_in("clerk", passwords)
    case = a_case("demo-residence-certificate", "received")
    assert case.reference in clerk.get("/en/office/").content.decode()
    assert act(clerk, case, "start_review") == 302
    assert act(clerk, case, "approve") == 403
    assert act(clerk, case, "request_information", "A clearer photo, please.") == 302
    case.refresh_from_db()
    assert case.state == "information_requested"
    audit = clerk.get(f"/en/account/offices/{HALL}/audit/")
    assert audit.status_code == 200


def test_chief_approves_and_issues_the_halls_cases_and_cannot_open_the_districts(passwords):
    chief = signed_in("chief", passwords)
    case = a_case("demo-residence-certificate", "in_review")
    assert act(chief, case, "approve") == 302
    assert act(chief, case, "issue_document") == 302
    case.refresh_from_db()
    assert case.state == "document_issued" and issued_document(case) is not None
    district_case = a_case("demo-business-permit", "in_review")
    assert chief.get(f"/en/office/cases/{district_case.public_id}/").status_code == 403


def test_approver_decides_the_districts_cases_and_approves_the_ministrys_pages(passwords):
    approver = signed_in("approver", passwords)
    case = a_case("demo-business-permit", "in_review")
    assert case.reference in approver.get("/en/office/").content.decode()
    assert act(approver, case, "approve") == 302
    assert act(approver, case, "issue_document") == 302
    case.refresh_from_db()
    assert case.state == "document_issued"
    mptc = InstitutionPage.objects.get(slug="mptc", locale__language_code="km")
    assert can_approve_page(User.objects.get(username="approver"), mptc)
    assert approver.get(f"/cms/pages/{mptc.pk}/edit/").status_code == 200
    hall_case = a_case("demo-residence-certificate", "received")
    assert approver.get(f"/en/office/cases/{hall_case.public_id}/").status_code == 403


def test_head_grants_a_role_at_the_district_office_and_not_at_the_hall(passwords):
    head = signed_in("head", passwords)
    reader_role = Role.objects.get(code=Role.READER)
    granted = head.post(
        f"/en/account/offices/{DISTRICT}/", {"person": "citizen", "role": reader_role.pk}
    )
    assert granted.status_code == 302
    assert OfficeMembership.objects.filter(
        user__username="citizen", office__code=DISTRICT, role=reader_role, ended_at=None
    ).exists()
    refused = head.post(
        f"/en/account/offices/{HALL}/", {"person": "citizen", "role": reader_role.pk}
    )
    assert refused.status_code == 403
    assert not OfficeMembership.objects.filter(user__username="citizen", office__code=HALL).exists()


def test_editor_opens_the_ministrys_pages_in_the_cms_and_not_the_portals_home(passwords):
    editor = signed_in("editor", passwords)
    mptc = InstitutionPage.objects.get(slug="mptc", locale__language_code="km")
    assert editor.get(f"/cms/pages/{mptc.pk}/edit/").status_code == 200
    home = mptc.get_parent().get_parent()
    refused = editor.get(f"/cms/pages/{home.pk}/edit/")  # Wagtail's "permission denied"
    assert (refused.status_code, refused["Location"]) == (302, "/cms/")
    assert not can_approve_page(User.objects.get(username="editor"), mptc)


@pytest.mark.parametrize(("clinician", "other"), [("nurse", "midwife"), ("midwife", "nurse")])
def test_a_clinician_answers_their_centres_questions_and_not_the_others(
    passwords, clinician, other
):
    centres = {"nurse": "health-centre-120201", "midwife": "health-centre-171001"}
    citizen = User.objects.get(username="citizen")
    own = create_question(citizen, Facility.objects.get(code=centres[clinician]))
    theirs = create_question(citizen, Facility.objects.get(code=centres[other]))
    client = signed_in(clinician, passwords)
    queue = client.get("/en/health/office/")
    assert queue.status_code == 200
    answered = client.post(
        f"/en/health/office/questions/{own.public_id}/",
        {"body": "Give plenty of water; come in if the fever lasts.", "close": "on"},
    )
    assert answered.status_code == 302
    assert own.messages.filter(author__username=clinician).exists()
    assert client.get(f"/en/health/office/questions/{theirs.public_id}/").status_code == 403


def test_moh_publishes_a_new_danger_sign_table_and_opens_no_case_queue(passwords):
    moh = signed_in("moh", passwords)
    url = "/django-admin/health/dangersigntable/"
    assert moh.get(url).status_code == 200
    published = DangerSignTable.objects.get(status=DangerSignTable.Status.PUBLISHED)
    moh.post(url, {"action": "copy_as_draft", "_selected_action": [published.pk]})
    draft = DangerSignTable.objects.get(status=DangerSignTable.Status.DRAFT)
    moh.post(url, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == DangerSignTable.Status.PUBLISHED
    assert moh.get("/en/office/").status_code == 403


def test_reader_reads_the_halls_cases_and_changes_nothing(passwords):
    reader = signed_in("reader", passwords)
    case = a_case("demo-residence-certificate", "received")
    assert case.reference in reader.get("/en/office/").content.decode()
    assert reader.get(f"/en/office/cases/{case.public_id}/").status_code == 200
    assert act(reader, case, "start_review") == 403
    case.refresh_from_db()
    assert case.state == "received"


def test_counter_takes_a_walk_in_and_sees_no_case(passwords):
    counter = signed_in("counter", passwords)
    assert counter.get("/en/office/counter/").status_code == 200
    case = a_case("demo-residence-certificate", "received")
    assert counter.get(f"/en/office/cases/{case.public_id}/").status_code == 403
    assert case.reference not in counter.get("/en/office/").content.decode()


def test_nurse_publishes_her_centres_times_and_not_the_midwifes(passwords):
    """The demo's health centres open every day, holidays too: five working days, five
    mornings."""
    nurse = signed_in("nurse", passwords)
    assert nurse.get("/en/health/office/timetable/health-centre-120201/").status_code == 200
    assert nurse.get("/en/health/office/timetable/health-centre-171001/").status_code == 403
    published = nurse.post(
        "/en/health/office/timetable/health-centre-120201/windows/",
        {
            "service": "vaccination",
            "first": (timezone.localdate() + datetime.timedelta(days=20)).isoformat(),
            "last": (timezone.localdate() + datetime.timedelta(days=26)).isoformat(),
            "weekdays": ["0", "1", "2", "3", "4"],
            "windows": ["morning"],
            "capacity": "25",
        },
    )
    assert published.status_code == 302
    assert Slot.objects.filter(office__code="health-centre-120201", capacity=25).count() == 5


def test_finance_reconciles_the_hall_s_fees(passwords):
    finance = signed_in("finance", passwords)
    paid = PaymentRequest.objects.get(status="paid")
    assert paid.reference in finance.get("/en/pay/finance/").content.decode()
    assert finance.get("/en/pay/finance/export.xlsx").status_code == 200
    assert signed_in("clerk", passwords).get("/en/pay/finance/").status_code == 403


def test_prices_enters_the_central_markets_prices_and_prices_review_reviews_them(passwords):
    prices = signed_in("prices", passwords)
    form = prices.get("/en/markets/office/prices/phsar-thmei/").content.decode()
    assert "Jasmine rice" in form and "Last: " in form  # followed, with demo prices
    assert prices.get("/en/markets/office/review/").status_code == 403
    reviewer = signed_in("prices-review", passwords)
    assert reviewer.get("/en/markets/office/review/").status_code == 200
    assert reviewer.get("/en/markets/office/prices/phsar-thmei/").status_code == 403


def test_chief_facilitates_and_editor_reads_the_ministry_s_course_report(passwords):
    chief = signed_in("chief", passwords)
    assert chief.get("/en/learning/facilitate/").status_code == 200
    editor = signed_in("editor", passwords)
    assert editor.get("/en/learning/using-the-portal-safely/report/").status_code == 200
    # The KHQR course is the finance ministry's: not the editor's to read.
    assert editor.get("/en/learning/paying-a-fee-with-khqr/report/").status_code == 403
    assert signed_in("clerk", passwords).get("/en/learning/facilitate/").status_code == 403
