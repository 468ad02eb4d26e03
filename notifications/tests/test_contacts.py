from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from notifications import contacts


def test_accounts_says_where_people_may_be_reached():
    registered = dict(contacts._lookups)
    assert registered["email"].__module__ == "accounts.contacts"
    assert registered["mobile"].__module__ == "accounts.contacts"


def test_without_a_registered_lookup_nothing_is_sent_and_the_cause_is_named(monkeypatch):
    monkeypatch.setattr(contacts, "_lookups", {})
    with pytest.raises(ImproperlyConfigured, match="register_contact_lookups"):
        contacts.verified_email(object())
