"""What accounts tells the notifications app (imported at start-up by its autodiscovery):
where a person may be reached, only at addresses they have verified."""

from __future__ import annotations

from accounts.contacts import verified_email, verified_mobile
from notifications.api import register_contact_lookups

register_contact_lookups(email=verified_email, mobile=verified_mobile)
