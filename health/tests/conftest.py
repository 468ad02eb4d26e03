"""Personas for the health tests: a citizen, another citizen, the clinicians of a health
centre and of another one, a health-ministry officer, an administrator; and the places:
a district with a referral hospital, a commune with a health centre."""

from __future__ import annotations

from dataclasses import dataclass

import pytest


@dataclass
class HealthWorld:
    tree: object
    centre: object
    other_centre: object
    hospital: object
    citizen: object
    other_citizen: object
    clinician: object
    other_clinician: object
    ministry: object
    admin: object


@pytest.fixture
def health_world(db):
    from accounts.tests.factories import create_user, grant
    from geo.tests.factories import create_facility, create_tree

    tree = create_tree()
    centre = create_facility(
        tree.commune, "health-centre", phones=["+85512345678"], name_en="Sla Kram Health Centre"
    )
    other_centre = create_facility(tree.other_commune, "health-centre")
    hospital = create_facility(tree.district, "referral-hospital", name_en="Siem Reap Hospital")
    ministry_office = create_facility(tree.province, "provincial-department")
    clinician, other_clinician, ministry = (
        create_user(name) for name in ("sopheap", "vuthy", "bopha")
    )
    grant(clinician, centre, "clinician")
    grant(other_clinician, other_centre, "clinician")
    grant(ministry, ministry_office, "health-ministry")
    return HealthWorld(
        tree=tree,
        centre=centre,
        other_centre=other_centre,
        hospital=hospital,
        citizen=create_user("dara", home_area=tree.village),
        other_citizen=create_user("sokha"),
        clinician=clinician,
        other_clinician=other_clinician,
        ministry=ministry,
        admin=create_user("admin", is_superuser=True, is_staff=True),
    )
