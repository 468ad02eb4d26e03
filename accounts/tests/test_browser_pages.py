"""Every accounts page in both languages: 0 axe-core violations, within the page budget,
and screenshots at phone and desktop widths (test-results/screenshots/accounts-*)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from accounts.models import Invitation, OrganisationMember
from accounts.tests.factories import add_member, create_organisation, create_user, grant
from core.testing import (
    assert_no_axe_violations,
    assert_no_csp_violations,
    assert_page_budget,
    save_screenshots,
    sign_in_as,
)
from geo.tests.factories import create_facility, create_tree

pytestmark = pytest.mark.browser

VISITOR_PAGES = ["sign-in/", "signup/", "login/code/", "password/reset/"]
PERSON_PAGES = [
    "",
    "profile/",
    "profile/change/",
    "profile/close/",
    "organisations/",
    "organisations/{organisation}/",
    "invitations/{token}/",
    "offices/",
    "offices/{office}/",
    "sessions/",
    "2fa/",
    "phone/change/",
    "password/change/",
]
SCREENSHOTS = {"sign-in/", "signup/", "", "organisations/{organisation}/", "offices/{office}/",
               "sessions/", "invitations/{token}/"}  # fmt: skip


def check(page, url: str, name: str, screenshots: bool) -> None:
    assert_page_budget(page, url)
    assert_no_axe_violations(page)
    if screenshots:
        save_screenshots(page, name)


@pytest.mark.parametrize("language", ["km", "en"])
def test_every_accounts_page_is_accessible_light_and_looked_at(page, live_server, language):
    for path in VISITOR_PAGES:
        url = f"/{language}/account/{path}"
        check(page, url, f"accounts-{language}-{path or 'index'}", path in SCREENSHOTS)

    tree = create_tree()
    office = create_facility(tree.commune)
    head = create_user("head", name_km="ហេង សំណាង", name_latin="HENG SAMNANG", mobile="+85512345678")
    grant(head, office, "head-of-office")
    grant(create_user("sophea", name_km="ចាន់ សុភា"), office, "clerk")
    organisation = create_organisation(head)
    add_member(organisation, create_user("dara", name_latin="SOK DARA"), "representative")
    invitation = Invitation.objects.create(
        organisation=organisation,
        email="head@example.org",
        role=OrganisationMember.Role.REPRESENTATIVE,
        token="a-token-for-the-page-test",
        expires_at=timezone.now() + datetime.timedelta(days=14),
    )
    sign_in_as(page, head, live_server.url)
    for path in PERSON_PAGES:
        filled = path.format(
            organisation=organisation.pk, office=office.code, token=invitation.token
        )
        url = f"/{language}/account/{filled}"
        check(
            page, url, f"accounts-{language}-{path.split('/')[0] or 'index'}", path in SCREENSHOTS
        )
        assert "/sign-in/" not in page.url, url
    assert_no_csp_violations(page)
