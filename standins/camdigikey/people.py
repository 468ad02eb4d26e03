"""The demo citizens the CamDigiKey stand-in knows, and what it says about them.

All made up (demo only); their national ID numbers are well formed for the portal's
checker (accounts.validators: 9 to 12 digits). `name` is the name as the identity card
prints it in Latin letters; `name#km` the same name in Khmer (OpenID Connect's
language-tagged claims).
"""

from __future__ import annotations

from typing import Any

# Every demo citizen's password at the stand-in (shown on its sign-in page: demo only).
PASSWORD = "camdigikey-demo"  # noqa: S105 - a demo password, shown on the page

PEOPLE: dict[str, dict[str, Any]] = {
    "sokha": {
        "name": "CHAN SOKHA",
        "name#km": "ចាន់ សុខា",
        "given_name": "SOKHA",
        "family_name": "CHAN",
        "birthdate": "1988-02-14",
        "gender": "female",
        "national_id": "012345678",
        "email": "sokha@demo.sala.localhost",
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
    "sreymom": {
        "name": "KEO SREYMOM",
        "name#km": "កែវ ស្រីមុំ",
        "given_name": "SREYMOM",
        "family_name": "KEO",
        "birthdate": "1996-07-30",
        "gender": "female",
        "national_id": "110345672",
        "phone_number": "+85597654321",
        "phone_number_verified": True,
    },
}


def display_names(person: dict[str, Any]) -> tuple[str, str]:
    """Return the person's (Khmer, Latin) names as the sign-in page shows them."""
    name = person.get("name", "")
    khmer = person.get("name#km") or (name if any("\u1780" <= c <= "\u17ff" for c in name) else "")
    latin = "" if name == khmer else name
    return khmer, latin
