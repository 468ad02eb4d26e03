"""A mobile number put in the profile counts as the person's only once they entered the
code sent to it by SMS; the verification is in the audit log (issue 15, item 3)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse as django_reverse

from accounts.models import User
from accounts.tests.factories import create_user
from audit.models import AuditEntry
from notifications import sms


def reverse(name: str, args=None) -> str:
    """The English page (the texts below are English)."""
    return django_reverse(name, args=args).replace("/km/", "/en/", 1)


pytestmark = pytest.mark.django_db

CODE = re.compile(r"\b(\d{6})\b")


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    sms.outbox.clear()


def test_a_number_typed_in_the_profile_is_not_verified_until_the_code_comes_back(client):
    person = create_user("dara", mobile="+85512345678", mobile_verified=True)
    client.force_login(person)
    edit = client.get(reverse("accounts:profile_edit"))
    data = {
        name: field.value() or "" for name, field in ((f.name, f) for f in edit.context["form"])
    }
    data["mobile"] = "012 999 888"
    saved = client.post(reverse("accounts:profile_edit"), data, follow=True)
    assert "Your new mobile number is not verified yet" in saved.text
    assert "Not verified" in saved.text
    assert reverse("account_change_phone") in saved.text
    person.refresh_from_db()
    assert (person.mobile, person.mobile_verified) == ("+85512999888", False)
    assert not AuditEntry.objects.filter(action="accounts.mobile.verified").exists()

    sent = client.post(reverse("account_change_phone"), {"action": "verify"})
    assert sent.status_code == 302
    assert [message.to for message in sms.outbox] == ["+85512999888"]
    code = CODE.search(sms.outbox[-1].text).group(1)
    verified = client.post(reverse("account_verify_phone"), {"code": code})
    assert verified.status_code == 302
    person = User.objects.get(pk=person.pk)
    assert person.mobile_verified
    entry = AuditEntry.objects.get(action="accounts.mobile.verified")
    assert (entry.actor, entry.person) == (person, person)
    assert "999888" not in str(entry.data)
    page = client.get(reverse("accounts:data_use"))
    assert "The mobile number was verified with a code sent by SMS" in page.text
