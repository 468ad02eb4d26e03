from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.tests.factories import PASSWORD
from audit.models import AuditEntry
from cases.models import Case, CaseEvent
from cases.tests.factories import submit
from cases.workflow import do_transition

pytestmark = pytest.mark.django_db


def openings(case, **filters):
    """The audit log's entries of officers opening the case."""
    return AuditEntry.objects.for_object(case).filter(action="cases.case.viewed", **filters)


@pytest.fixture
def case(world):
    return submit(world.citizen, world.service, area=world.tree.village)


def sign_in(client, user):
    client.force_login(user)
    return client


def test_the_queue_lists_the_office_cases_with_counts_in_constant_queries(
    client, world, django_assert_max_num_queries
):
    for _ in range(3):
        submit(world.citizen, world.service, area=world.tree.village)
    sign_in(client, world.clerk)
    url = reverse("cases:queue")
    client.get(url)  # warm the per-process caches (content types, sessions)
    with django_assert_max_num_queries(16) as few:
        response = client.get(url)
    for _ in range(20):
        submit(world.citizen, world.service, area=world.tree.village)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("<tr") == 1 + 23


def test_the_queue_filters_by_state_assignment_and_overdue(client, world, case):
    other = submit(world.citizen, world.service, area=world.tree.village)
    do_transition(other, "start_review", actor=world.clerk)
    Case.objects.filter(pk=case.pk).update(due_date="2020-01-01")
    sign_in(client, world.clerk)
    page = client.get(reverse("cases:queue") + "?state=in_review").content.decode()
    assert other.reference in page and case.reference not in page
    page = client.get(reverse("cases:queue") + "?overdue=1").content.decode()
    assert case.reference in page and other.reference not in page
    assert 'class="overdue"' in page
    assert 'id="f-overdue" name="overdue" value="1" checked' in page  # the filter shown on
    assert 'id="f-mine" name="mine" value="1" checked' not in page


def test_the_queue_filters_by_the_villages_the_hall_serves(client, world, case):
    from geo.tests.factories import create_area

    trang = create_area("17100102", "Trang", "ត្រាំង", world.tree.commune)
    elsewhere = submit(world.citizen, world.service, area=trang)
    sign_in(client, world.clerk)
    page = client.get(reverse("cases:queue")).content.decode()
    assert '<optgroup label="Sla Kram"><option value="171001">All of Sla Kram</option>' in page
    assert '<option value="17100102">Trang</option>' in page
    assert "Voat Bour" not in page  # another hall's village
    page = client.get(reverse("cases:queue") + "?area=17100102").content.decode()
    assert elsewhere.reference in page and case.reference not in page
    assert '<option value="17100102" selected>Trang</option>' in page


def test_an_officer_sees_the_case_and_the_access_is_recorded(client, world, case):
    sign_in(client, world.clerk)
    response = client.get(case.get_absolute_url())
    assert response.status_code == 200
    assert "Sok Dara" in response.content.decode()
    entry = openings(case, actor=world.clerk, allowed=True).get()
    assert (entry.office_id, entry.person, entry.data) == (world.hall.pk, world.citizen,
                                                           {"what": "view"})  # fmt: skip


def test_an_officer_of_another_office_gets_403_and_is_recorded(client, world, case):
    sign_in(client, world.outsider)
    assert client.get(case.get_absolute_url()).status_code == 403
    response = client.post(reverse("cases:act", args=[case.public_id]),
                           {"transition": "approve", "version": case.version})  # fmt: skip
    assert response.status_code == 403
    assert openings(case, actor=world.outsider, allowed=False).count() == 2
    assert Case.objects.get().state == "received"


def test_a_forged_transition_is_refused_and_recorded(client, world, case):
    sign_in(client, world.clerk)
    url = reverse("cases:act", args=[case.public_id])
    response = client.post(url, {"transition": "approve", "version": case.version})
    assert response.status_code == 403
    assert CaseEvent.objects.filter(case=case, kind="refused", actor=world.clerk).exists()
    response = client.post(url, {"transition": "no-such", "version": case.version}, follow=True)
    assert "This action does not exist." in response.content.decode()
    assert Case.objects.get().state == "received"


def test_a_stale_form_is_refused_with_a_message_and_nothing_changes(client, world, case):
    seen = case.version
    do_transition(case, "start_review", actor=world.approver)
    sign_in(client, world.clerk)
    response = client.post(reverse("cases:act", args=[case.public_id]),
                           {"transition": "request_information", "version": seen,
                            "reason": "Photo"}, follow=True)  # fmt: skip
    assert "Someone changed this case" in response.content.decode()
    assert Case.objects.get().state == "in_review"


def test_assigning_a_colleague_and_a_note(client, world, case):
    sign_in(client, world.clerk)
    client.post(reverse("cases:assign", args=[case.public_id]),
                {"assignee": world.approver.pk, "version": case.version})  # fmt: skip
    client.post(reverse("cases:note", args=[case.public_id]), {"text": "Call the father"})
    case.refresh_from_db()
    assert case.assigned_to == world.approver
    assert case.events.filter(kind="note", text="Call the father").exists()
    response = client.post(reverse("cases:assign", args=[case.public_id]),
                           {"assignee": world.outsider.pk, "version": case.version})  # fmt: skip
    assert response.status_code == 400


def test_bulk_actions_skip_what_is_not_allowed(client, world, case):
    other = submit(world.citizen, world.service, area=world.tree.village)
    do_transition(other, "withdraw", actor=world.citizen)
    sign_in(client, world.clerk)
    response = client.post(reverse("cases:bulk"), {"action": "start_review",
                           "cases": [case.public_id, other.public_id]}, follow=True)  # fmt: skip
    assert "Done for 1 cases." in response.content.decode()
    assert Case.objects.get(pk=case.pk).state == "in_review"
    assert Case.objects.get(pk=other.pk).state == "withdrawn"


def test_rerouting_is_recorded(client, world, case):
    sign_in(client, world.clerk)
    client.post(reverse("cases:reroute", args=[case.public_id]),
                {"office": world.other_hall.code, "reason": "Lives in Sala Kamraeuk",
                 "version": case.version})  # fmt: skip
    case.refresh_from_db()
    assert case.office == world.other_hall
    assert case.events.filter(kind="rerouted").exists()


def test_the_officer_sees_the_photo_inline_and_the_opening_is_recorded(client, world, case):
    attachment = case.application.attachments.get()
    sign_in(client, world.clerk)
    response = client.get(reverse("cases:inline_attachment", args=[attachment.public_id]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == "inline"
    assert (
        AuditEntry.objects.for_object(attachment)
        .filter(action="services.attachment.viewed", actor=world.clerk, office_id=world.hall.pk)
        .exists()
    )
    sign_in(client, world.outsider)
    assert (
        client.get(reverse("cases:inline_attachment", args=[attachment.public_id])).status_code
        == 404
    )


def test_pages_work_in_khmer(client, world, case):
    sign_in(client, world.clerk)
    assert client.get("/km/office/").status_code == 200
    assert client.get(f"/km/office/cases/{case.public_id}/").status_code == 200


def test_people_who_are_not_officers_get_403(client, world):
    assert client.login(username="dara", password=PASSWORD)
    assert client.get(reverse("cases:queue")).status_code == 403


def test_behind_nginx_the_officers_own_address_is_in_the_audit(client, world, case, settings):
    settings.SALA_TRUSTED_PROXY_COUNT = 1
    behind_nginx = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "10.9.9.9, 203.0.113.24"}
    sign_in(client, world.clerk)
    assert client.get(case.get_absolute_url(), **behind_nginx).status_code == 200
    act = reverse("cases:act", args=[case.public_id])
    client.post(act, {"transition": "start_review", "version": case.version}, **behind_nginx)
    assert Case.objects.get().state == "in_review"
    accesses = openings(case, actor=world.clerk)
    assert accesses.exists() and {a.actor_address for a in accesses} == {"203.0.113.24"}
    event = CaseEvent.objects.get(case=case, kind=CaseEvent.Kind.TRANSITION, actor=world.clerk)
    assert event.ip == "203.0.113.24"
