"""Notification journeys in a real Chromium: follow an area, get a broadcast in the inbox
with the unread count in the header, read it; stop emails from an email's link without
signing in; the back office's broadcast and template pages."""

from __future__ import annotations

import re

import pytest

from core.testing import (
    assert_no_axe_violations,
    assert_no_csp_violations,
    assert_page_budget,
    save_screenshots,
    sign_in_as,
)
from geo.tests.factories import create_area
from notifications.api import notify
from notifications.broadcasts import check_send_broadcast
from notifications.models import Subscription
from notifications.tests.factories import APPROVED, create_person
from notifications.topics import describe_topic

pytestmark = pytest.mark.browser
LINK = re.compile(r"https?://[^/\s]+(/\S+/unsubscribe/\S+/)")


def phnom_penh():
    province = create_area("12", "Phnom Penh", "រាជធានីភ្នំពេញ")
    return province, create_area("1202", "Daun Penh", "ដូនពេញ", province)


@pytest.mark.parametrize("language", ["km", "en"])
def test_follow_an_area_receive_a_broadcast_and_read_it(page, live_server, language):
    _province, district = phnom_penh()
    dara = create_person("dara", language=language, home_area=district)
    sign_in_as(page, dara, live_server.url)

    assert_page_budget(page, f"/{language}/notifications/subscriptions/")
    assert_no_axe_violations(page)
    save_screenshots(page, f"notifications-subscriptions-empty-{language}")
    follow = "តាមដាន" if language == "km" else "Follow "
    page.get_by_role(
        "button", name=re.compile(f"^{follow}" + ("ដូនពេញ" if language == "km" else "Daun Penh"))
    ).click()
    page.wait_for_load_state()
    assert Subscription.objects.filter(user=dara, topic="area:1202").exists()
    assert_no_axe_violations(page)
    save_screenshots(page, f"notifications-subscriptions-{language}")

    officer = create_person("officer", is_staff=True, is_superuser=True)
    check_send_broadcast(
        officer,
        describe_topic("area:12"),
        title_km="ប្រកាសអាសន្នទឹកជំនន់",
        title_en="Flood warning",
        body_km="ទឹកទន្លេកំពុងឡើងខ្ពស់។ សូមរៀបចំខ្លួនចាកចេញពីតំបន់ទំនាប។",
        body_en="The river is rising. Be ready to leave low-lying areas.",
    )
    notify(dara, "notifications.welcome", {})

    page.goto(f"/{language}/")
    badge = page.get_by_role("banner").locator(".count-badge")
    assert badge.inner_text() == ("២" if language == "km" else "2")
    page.get_by_role("banner").get_by_role(
        "link", name=re.compile("ការជូនដំណឹង|Notifications")
    ).click()
    page.wait_for_url(re.compile("/notifications/$"))
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    save_screenshots(page, f"notifications-inbox-{language}")

    title = "ប្រកាសអាសន្នទឹកជំនន់" if language == "km" else "Flood warning"
    page.get_by_role("link", name=re.compile(title)).click()
    page.wait_for_url(re.compile(r"/notifications/\d+/$"))
    assert page.get_by_role("heading", level=1).inner_text() == title
    assert_no_axe_violations(page)
    save_screenshots(page, f"notifications-message-{language}")
    assert page.get_by_role("banner").locator(".count-badge").inner_text() == (
        "១" if language == "km" else "1"
    )
    page.get_by_role("button", name=re.compile("បណ្ណសារ|Archive")).click()
    page.wait_for_url(re.compile("/notifications/$"))
    assert title not in page.get_by_role("main").inner_text()


def test_stop_emails_from_the_link_in_an_email_without_signing_in(
    new_page, live_server, mailoutbox
):
    dara = create_person("dara", language="km")
    notify(dara, "tests.case_updated", {"reference": "SALA-7", "status": APPROVED})
    path = LINK.search(mailoutbox[-1].body).group(1)
    page = new_page()
    page.goto(path)
    assert page.get_by_role("heading", level=1).inner_text() == "បញ្ឈប់អ៊ីមែល"
    assert_no_axe_violations(page)
    save_screenshots(page, "notifications-unsubscribe-km")
    page.get_by_role("button", name="បញ្ឈប់អ៊ីមែលទាំងនេះ").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "អ៊ីមែលត្រូវបានបញ្ឈប់"
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    save_screenshots(page, "notifications-unsubscribed-km")
    dara.refresh_from_db()
    from notifications.models import Preferences

    assert Preferences.objects.get(user=dara).email is False


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_settings_and_back_office_pages_are_accessible(page, live_server, language):
    phnom_penh()
    admin = create_person("admin", language=language, is_staff=True, is_superuser=True)
    sign_in_as(page, admin, live_server.url)
    for name, url in (
        ("settings", f"/{language}/notifications/settings/"),
        ("backoffice", f"/{language}/notifications/back-office/"),
        ("templates", f"/{language}/notifications/back-office/templates/"),
        ("template", f"/{language}/notifications/back-office/templates/notifications.broadcast/"),
        ("failed", f"/{language}/notifications/back-office/failed/"),
        ("log", f"/{language}/notifications/back-office/deliveries/?q=admin"),
    ):
        page.goto(url)
        assert_no_axe_violations(page)
        assert_no_csp_violations(page)
        save_screenshots(page, f"notifications-{name}-{language}")

    page.goto(f"/{language}/notifications/back-office/broadcast/")
    page.get_by_label(re.compile("លេខកូដតំបន់|Area code")).fill("12")
    page.get_by_label(re.compile("^(ចំណងជើងជាភាសាខ្មែរ|Title in Khmer)")).fill("ប្រកាសអាសន្ន")
    page.get_by_label(re.compile("^(អត្ថបទជាភាសាខ្មែរ|Text in Khmer)")).fill("សូមប្រុងប្រយ័ត្ន។")
    page.get_by_label(re.compile("^(ចំណងជើងជាភាសាអង់គ្លេស|Title in English)")).fill("Warning")
    page.get_by_label(re.compile("^(អត្ថបទជាភាសាអង់គ្លេស|Text in English)")).fill("Take care.")
    page.get_by_role("main").get_by_role("button").first.click()
    page.wait_for_load_state()
    assert_no_axe_violations(page)
    save_screenshots(page, f"notifications-broadcast-check-{language}")
