"""Editors approve the announcements that came by mail for their institution; no one else
sees or publishes them (a test per persona)."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator

from accounts.tests.factories import create_user, grant
from aggregation.models import Item
from aggregation.publishing import notify_editors_of_draft
from aggregation.tests.factories import create_institution, create_item, create_source
from audit.models import AuditEntry
from geo.tests.factories import create_area, create_facility
from notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    health = create_institution()
    education = create_institution(code="moeys", name_en="Ministry of Education",
                                   name_km="ក្រសួងអប់រំ")  # fmt: skip
    area = create_area("12", "Phnom Penh", "ភ្នំពេញ")
    health_office = create_facility(area, "provincial-department", code="moh-pp",
                                    institution=health)  # fmt: skip
    education_office = create_facility(area, "provincial-department", code="moeys-pp",
                                       institution=education)  # fmt: skip
    mailbox = create_source(kind="imap", institution=health, name_en="MOH mailbox")
    draft = create_item(source=mailbox, title="Holiday hours", status=Item.Status.DRAFT)
    people = {
        "editor": create_user("sokha"),
        "other_editor": create_user("vanna"),
        "clerk": create_user("dara"),
        "citizen": create_user("bopha"),
        "admin": create_user("root", is_superuser=True, is_staff=True),
    }
    grant(people["editor"], health_office, "editor")
    grant(people["other_editor"], education_office, "editor")
    grant(people["clerk"], health_office, "clerk")
    for user in people.values():
        Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return {"draft": draft, **people}


@pytest.mark.parametrize(
    ("persona", "sees", "publishes"),
    [
        ("editor", True, True),
        ("admin", True, True),
        ("other_editor", False, False),
        ("clerk", False, False),
        ("citizen", False, False),
    ],
)
def test_who_sees_and_publishes_a_mailed_draft(client, setting, persona, sees, publishes):
    draft = setting["draft"]
    client.force_login(setting[persona])

    listing = client.get("/en/news/drafts/")
    assert listing.status_code == 200
    assert ("Holiday hours" in listing.content.decode()) is sees
    assert (client.get(f"/en/news/items/{draft.pk}/").status_code == 200) is sees

    response = client.post(f"/en/news/drafts/{draft.pk}/publish/")
    draft.refresh_from_db()
    if publishes:
        assert response.status_code == 302
        assert draft.status == Item.Status.PUBLISHED
        assert draft.approved_by == setting[persona]
        entry = AuditEntry.objects.for_object(draft).get()
        assert (entry.action, entry.actor) == ("aggregation.item.published", setting[persona])
    else:
        assert response.status_code == 404
        assert draft.status == Item.Status.DRAFT
        assert not AuditEntry.objects.for_object(draft).exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(client, setting):
    assert client.get("/en/news/drafts/").status_code == 302
    assert client.get(f"/en/news/items/{setting['draft'].pk}/").status_code == 404


def test_the_institutions_editors_are_told_when_a_draft_arrives(setting):
    assert notify_editors_of_draft(setting["draft"]) == 1
    notification = Notification.objects.get()
    assert notification.recipient == setting["editor"]
    assert notification.event == "aggregation.draft_waiting"
    notify_editors_of_draft(setting["draft"])
    assert Notification.objects.count() == 1
