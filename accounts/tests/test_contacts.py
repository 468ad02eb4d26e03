"""Only verified addresses and numbers are used to reach a person."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress

from accounts.contacts import verified_email, verified_mobile
from accounts.tests.factories import create_user

pytestmark = pytest.mark.django_db


def test_an_unverified_email_address_is_not_used():
    user = create_user("dara", verified=False)
    assert verified_email(user) == ""


def test_the_primary_verified_address_comes_first():
    user = create_user("dara", email="old@example.org")
    EmailAddress.objects.filter(user=user).update(primary=False)
    EmailAddress.objects.create(user=user, email="new@example.org", verified=True, primary=True)
    EmailAddress.objects.create(user=user, email="typo@example.org", verified=False)
    assert verified_email(user) == "new@example.org"


def test_a_mobile_number_is_used_only_once_verified():
    user = create_user("dara", mobile="+85512345678")
    assert verified_mobile(user) == ""
    user.mobile_verified = True
    assert verified_mobile(user) == "+85512345678"
