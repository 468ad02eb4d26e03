"""The inbox pages, the header's unread count, and who may see what."""

from __future__ import annotations

import pytest

from notifications.api import notify
from notifications.models import Notification
from notifications.tests.factories import APPROVED, create_person

pytestmark = pytest.mark.django_db


def entry(person, reference="S-1"):
    return notify(person, "tests.case_updated", {"reference": reference, "status": APPROVED})


def test_the_header_shows_the_unread_count_in_khmer_digits(client):
    dara = create_person(language="km")
    entry(dara, "A")
    entry(dara, "B")
    client.force_login(dara)
    page = client.get("/km/").content.decode()
    assert '<span class="count-badge">២</span>' in page
    assert '<span class="count-badge">2</span>' in client.get("/en/").content.decode()


def test_opening_a_message_marks_it_read_and_it_can_be_archived(client):
    dara = create_person(language="en")
    notification = entry(dara)
    client.force_login(dara)
    inbox = client.get("/en/notifications/").content.decode()
    assert "Application S-1 is approved" in inbox and ">New</strong>" in inbox
    page = client.get(f"/en/notifications/{notification.pk}/")
    assert "Your application S-1 is now approved." in page.content.decode()
    notification.refresh_from_db()
    assert notification.is_read
    client.post(f"/en/notifications/{notification.pk}/mark/", {"action": "archive"})
    assert "S-1" not in client.get("/en/notifications/").content.decode()
    assert "S-1" in client.get("/en/notifications/?show=archive").content.decode()
    client.post(f"/en/notifications/{notification.pk}/mark/", {"action": "unread"})
    notification.refresh_from_db()
    assert not notification.is_read


def test_mark_all_as_read(client):
    dara = create_person()
    entry(dara, "A")
    entry(dara, "B")
    client.force_login(dara)
    client.post("/km/notifications/read-all/")
    assert Notification.objects.unread().count() == 0


def test_someone_elses_message_is_not_found(client):
    notification = entry(create_person("dara"))
    client.force_login(create_person("sokha"))
    assert client.get(f"/en/notifications/{notification.pk}/").status_code == 404
    response = client.post(f"/en/notifications/{notification.pk}/mark/", {"action": "archive"})
    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.archived_at is None


def test_a_visitor_is_sent_to_sign_in(client):
    response = client.get("/en/notifications/")
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_the_inbox_list_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    dara = create_person()
    for number in range(30):
        entry(dara, f"S-{number}")
    client.force_login(dara)
    # 13 with content's urgent-alerts banner, read once into the cache (cleared above).
    with django_assert_max_num_queries(13):
        assert client.get("/km/notifications/").status_code == 200


def test_the_inbox_shows_each_message_in_the_language_the_person_reads(client):
    dara = create_person(language="km")  # written in Khmer, her preferred language
    notification = notify(
        dara,
        "tests.case_updated",
        {"reference": "S-7", "status": APPROVED, "url": "/km/cases/S-7/"},
    )
    client.force_login(dara)
    english = client.get("/en/notifications/").content.decode()
    assert "Application S-7 is approved" in english
    assert "ពាក្យស្នើសុំ S-7" not in english
    message = client.get(f"/en/notifications/{notification.pk}/").content.decode()
    assert "Your application S-7 is now approved." in message
    assert 'href="/en/cases/S-7/"' in message
    assert 'lang="en"' in message
    khmer = client.get("/km/notifications/").content.decode()
    assert "ពាក្យស្នើសុំ S-៧ បានអនុម័ត" in khmer  # its number in Khmer digits
    notification.refresh_from_db()
    assert notification.language == "km"  # as written; only the page shows it otherwise
