"""The back office: who may use it, template overrides with previews, the delivery log,
replaying dead letters and broadcasts with their rate limit."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from geo.tests.factories import create_tree
from notifications.api import notify
from notifications.models import Broadcast, Delivery, Notification, TemplateOverride
from notifications.tests.factories import APPROVED, create_person, follow

pytestmark = pytest.mark.django_db
PAGES = [
    "/en/notifications/back-office/",
    "/en/notifications/back-office/templates/",
    "/en/notifications/back-office/templates/tests.case_updated/",
    "/en/notifications/back-office/deliveries/",
    "/en/notifications/back-office/failed/",
    "/en/notifications/back-office/broadcast/",
]


def officer(*codenames: str, username: str = "officer"):
    person = create_person(username, language="en", is_staff=True)
    person.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return person


@pytest.mark.parametrize("url", PAGES)
def test_citizens_and_staff_without_the_permission_get_403(client, url):
    client.force_login(create_person("citizen"))
    assert client.get(url).status_code == 403
    client.force_login(officer(username="clerk"))
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", PAGES)
def test_an_administrator_sees_every_page(client, url):
    client.force_login(create_person("admin", is_staff=True, is_superuser=True))
    assert client.get(url).status_code == 200


def test_a_template_edit_is_previewed_in_both_languages_then_used(client, committed):
    client.force_login(officer("change_templateoverride"))
    url = "/en/notifications/back-office/templates/tests.case_updated/"
    page = client.get(url).content.decode()
    assert "ពាក្យស្នើសុំ SALA-1 បានអនុម័ត" in page and "Application SALA-1 is approved" in page
    form = {
        f"{lang}_{part}": ""
        for lang in ("km", "en")
        for part in ("title", "body", "subject", "text", "html", "short")
    }
    form |= {
        "km_title": "ពាក្យស្នើសុំ {{ reference }} {{ status }}",
        "km_body": "ពាក្យស្នើសុំរបស់អ្នក {{ reference }} ឥឡូវនេះ{{ status }}។",
        "km_short": "សាលា៖ ពាក្យស្នើសុំ {{ reference }} {{ status }}។ {{ link }}",
        "en_title": "Good news: {{ reference }} is {{ status }}",
        "en_body": "Your application {{ reference }} is now {{ status }}.",
        "en_short": "Sala: application {{ reference }} is {{ status }}. {{ link }}",
    }
    preview = client.post(url, {**form, "preview": "1"}).content.decode()
    assert "Good news: SALA-1 is approved" in preview
    assert not TemplateOverride.objects.exists()
    client.post(url, {**form, "save": "1"})
    assert list(TemplateOverride.objects.values_list("language", "part")) == [("en", "title")]
    with committed():
        notify(
            create_person("john", language="en"),
            "tests.case_updated",
            {"reference": "S-9", "status": APPROVED},
        )
    assert mail.outbox[0].subject == "Good news: S-9 is approved"


def test_a_broken_template_is_refused_with_the_error(client):
    client.force_login(officer("change_templateoverride"))
    url = "/en/notifications/back-office/templates/tests.case_updated/"
    response = client.post(url, {"km_title": "{% if %}", "en_title": "x", "save": "1"})
    assert response.status_code == 400
    assert "This template has an error" in response.content.decode()
    assert not TemplateOverride.objects.exists()


def test_html_in_an_edited_template_is_cleaned(client, committed):
    TemplateOverride.objects.create(
        event="tests.case_updated",
        language="en",
        part="html",
        text='<p onclick="steal()">Hi</p><script>alert(1)</script>',
    )
    with committed():
        notify(
            create_person("john", language="en"),
            "tests.case_updated",
            {"reference": "S-9", "status": APPROVED},
        )
    html = mail.outbox[0].alternatives[0][0]
    assert "<p>Hi</p>" in html and "script" not in html and "onclick" not in html


def test_the_delivery_log_shows_what_one_person_was_sent(client, committed):
    dara = create_person("dara")
    with committed():
        notify(dara, "tests.case_updated", {"reference": "S-1", "status": APPROVED})
    client.force_login(officer("view_delivery"))
    page = client.get("/en/notifications/back-office/deliveries/?q=dara@example.org")
    text = page.content.decode()
    assert "ពាក្យស្នើសុំ S-1 បានអនុម័ត" in text and "Sent" in text and "Not sent" in text


def test_dead_letters_are_listed_and_replayed(client, committed):
    notification = notify(
        create_person("dara"), "tests.case_updated", {"reference": "S-1", "status": APPROVED}
    )
    Delivery.objects.filter(notification=notification, channel="email").update(
        status="dead", attempts=10, last_error="the mail server could not take the message"
    )
    client.force_login(officer("view_delivery", "change_delivery"))
    page = client.get("/en/notifications/back-office/failed/").content.decode()
    assert "the mail server could not take the message" in page
    with committed():
        client.post("/en/notifications/back-office/failed/replay/", {"all": "1"})
    assert Delivery.objects.get(channel="email").status == "sent"
    assert len(mail.outbox) == 1


def test_replaying_needs_the_change_permission(client):
    client.force_login(officer("view_delivery"))
    assert (
        client.post("/en/notifications/back-office/failed/replay/", {"all": "1"}).status_code == 403
    )


def test_a_broadcast_is_checked_then_sent_to_the_followers(client, committed):
    create_tree()
    for name, code in (("a", "17"), ("b", "171001"), ("c", "12")):
        follow(create_person(name), f"area:{code}")
    client.force_login(officer("send_broadcast"))
    form = {
        "area": "17",
        "title_km": "ប្រកាសអាសន្នទឹកជំនន់",
        "title_en": "Flood warning",
        "body_km": "សូមប្រុងប្រយ័ត្ន។",
        "body_en": "Take care.",
    }
    check = client.post("/en/notifications/back-office/broadcast/", form).content.decode()
    assert "This announcement will reach 2 people following Siemreap." in check
    assert not Notification.objects.exists()
    with committed():
        client.post("/en/notifications/back-office/broadcast/", {**form, "confirm": "1"})
    assert Broadcast.objects.get().recipients == 2
    titles = set(Notification.objects.values_list("title", flat=True))
    assert titles == {"ប្រកាសអាសន្នទឹកជំនន់"}


def test_broadcasts_are_rate_limited_per_sender(client, settings):
    create_tree()
    settings.SALA_BROADCASTS_PER_HOUR = 2
    client.force_login(officer("send_broadcast"))
    form = {
        "area": "17",
        "title_km": "ក",
        "title_en": "A",
        "body_km": "ខ",
        "body_en": "B",
        "confirm": "1",
    }
    for _number in range(2):
        client.post("/en/notifications/back-office/broadcast/", form)
    refused = client.post("/en/notifications/back-office/broadcast/", form)
    assert refused.status_code == 400
    assert "You have sent 2 announcements in the last hour" in refused.content.decode()
    assert Broadcast.objects.count() == 2


def test_an_unknown_area_code_is_explained_and_the_text_kept(client):
    client.force_login(officer("send_broadcast"))
    response = client.post(
        "/en/notifications/back-office/broadcast/",
        {"area": "99", "title_km": "ក", "title_en": "Kept title", "body_km": "ខ", "body_en": "B"},
    )
    text = response.content.decode()
    assert response.status_code == 400 and "No area has the code “99”." in text
    assert 'value="Kept title"' in text
