"""Personas for the cases tests: citizen, clerk, approver and head of the commune hall,
an officer of the neighbouring commune hall (outsider), and an administrator."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from services.tests.conftest import attachments_root, english  # noqa: F401


@pytest.fixture
def client_ip(new_address):
    """An address of its own for each test (the status check is limited per address)."""
    return new_address()


@dataclass
class World:
    tree: object
    hall: object
    other_hall: object
    service: object
    citizen: object
    clerk: object
    approver: object
    head: object
    outsider: object
    admin: object


@pytest.fixture
def world(db):
    from accounts.tests.factories import create_user, grant
    from geo.tests.factories import create_facility, create_tree
    from services.tests.factories import create_service

    tree = create_tree()
    hall = create_facility(tree.commune, "commune-hall")
    other_hall = create_facility(tree.other_commune, "commune-hall")
    clerk, approver, head, outsider = (
        create_user(n) for n in ("clerk", "approver", "head", "outsider")
    )
    grant(clerk, hall, "clerk")
    grant(approver, hall, "approver")
    grant(head, hall, "head-of-office")
    grant(outsider, other_hall, "approver")
    return World(
        tree=tree,
        hall=hall,
        other_hall=other_hall,
        service=create_service(sla_working_days=5),
        citizen=create_user("dara", date_of_birth="1990-05-17"),
        clerk=clerk,
        approver=approver,
        head=head,
        outsider=outsider,
        admin=create_user("admin", is_superuser=True, is_staff=True),
    )
