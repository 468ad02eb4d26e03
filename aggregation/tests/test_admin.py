"""Administrators see each source's health and approve drafts in the Django admin."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator

from accounts.tests.factories import create_user
from aggregation.models import ClassificationRule, Item
from aggregation.tests.factories import create_item, create_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = create_user("root", is_superuser=True, is_staff=True)
    Authenticator.objects.create(user=admin, type=Authenticator.Type.TOTP, data={})
    client.force_login(admin)
    client.user = admin
    return client


def test_the_source_list_shows_health_in_plain_words(admin_client):
    create_source(name_en="Working feed", last_success_at="2026-11-30T10:00:00Z")
    create_source(name_en="Broken feed", consecutive_failures=3,
                  last_error_en="The site answered with HTTP status 500.",
                  last_error_km="គេហទំព័របានឆ្លើយតបដោយស្ថានភាព HTTP ៥០០។")  # fmt: skip
    page = admin_client.get(
        "/django-admin/aggregation/source/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Failing" in page
    assert "The site answered with HTTP status 500." in page
    assert "Working" in page


def test_the_source_form_and_rules_open(admin_client):
    source = create_source()
    assert (
        admin_client.get(f"/django-admin/aggregation/source/{source.pk}/change/").status_code == 200
    )
    assert admin_client.get("/django-admin/aggregation/classificationrule/add/").status_code == 200
    assert ClassificationRule.objects.count() == 0


def test_an_administrator_publishes_drafts_with_the_admin_action(admin_client):
    draft = create_item(status=Item.Status.DRAFT)
    response = admin_client.post(
        "/django-admin/aggregation/item/",
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Item.Status.PUBLISHED
    assert draft.approved_by == admin_client.user


def test_the_mailbox_password_is_never_shown_back_in_the_admin(admin_client):
    source = create_source(kind="imap", imap_user="announce@moh", imap_password="Ch4ngeMe!")
    page = admin_client.get(f"/django-admin/aggregation/source/{source.pk}/change/").text
    assert 'name="imap_password"' in page
    assert "Ch4ngeMe!" not in page
    assert "ទុកឱ្យទទេ ដើម្បីរក្សាពាក្យសម្ងាត់បច្ចុប្បន្ន" in page  # "Leave empty to keep…"
