"""The citizens the test provider knows, and what it says about them."""

from __future__ import annotations

from typing import Any

PASSWORD = "provider-password-for-tests"

PEOPLE: dict[str, dict[str, Any]] = {
    "sokha": {
        "name": "CHAN SOKHA",
        "given_name": "SOKHA",
        "family_name": "CHAN",
        "birthdate": "1988-02-14",
        "gender": "female",
        "national_id": "012345678",
        "email": "sokha@example.org",
        "email_verified": True,
        "phone_number": "+85512345678",
        "phone_number_verified": True,
    },
    "vanna": {
        "name": "លី វណ្ណា",
        "birthdate": "1975-11-09",
        "gender": "male",
        "national_id": "023456789",
    },
}
