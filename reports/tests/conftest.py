"""Personas for the reports tests: a reporter and another citizen, the commune hall of
the report's commune with a clerk (may handle) and a reader (may read), the clerk of the
neighbouring commune's hall, an administrator; and the places (Siem Reap's test tree)."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from PIL import Image


@dataclass
class ReportsWorld:
    tree: object
    hall: object
    other_hall: object
    reporter: object
    other_citizen: object
    clerk: object
    reader: object
    other_clerk: object
    admin: object


@pytest.fixture(autouse=True)
def attachments_root(settings, tmp_path):
    """Every test keeps the photos of reports in its own directory."""
    root = tmp_path / "attachments"
    settings.STORAGES = {
        **settings.STORAGES,
        "attachments": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": root},
        },
    }
    return root


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@pytest.fixture
def world(db):
    from accounts.tests.factories import create_user, grant
    from geo.tests.factories import create_facility, create_tree

    tree = create_tree()
    hall = create_facility(tree.commune, "commune-hall", name_en="Sla Kram Commune Hall")
    other_hall = create_facility(tree.other_commune, "commune-hall")
    clerk, reader, other_clerk = (create_user(name) for name in ("sophal", "rachana", "vichea"))
    grant(clerk, hall, "clerk")
    grant(reader, hall, "reader")
    grant(other_clerk, other_hall, "clerk")
    return ReportsWorld(
        tree=tree,
        hall=hall,
        other_hall=other_hall,
        reporter=create_user("dara", mobile="+85512555111", mobile_verified=True),
        other_citizen=create_user("sokha"),
        clerk=clerk,
        reader=reader,
        other_clerk=other_clerk,
        admin=create_user("admin", is_superuser=True, is_staff=True),
    )


def jpeg(width: int = 64, height: int = 48) -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (width, height), (90, 90, 90)).save(data, "JPEG")
    return data.getvalue()
