"""Personas for the health tests: a citizen, another citizen, the clinicians of a health
centre and of another one, a health-ministry officer, an administrator; and the places:
a district with a referral hospital, a commune with a health centre."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.cache import cache

from notifications import sms
from standins import telegram as telegram_standin


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
    carer: object
    case_officer: object


@pytest.fixture(autouse=True)
def attachments_root(settings, tmp_path):
    """Every test keeps the photos of questions in its own directory."""
    root = tmp_path / "attachments"
    settings.STORAGES = {
        **settings.STORAGES,
        "attachments": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": root},
        },
    }
    return root


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
    case_officer = create_user("kosal")
    grant(case_officer, centre, "clerk")  # an officer of the centre, but not a clinician
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
        carer=create_user("chenda", mobile="+85517555123", mobile_verified=True),
        case_officer=case_officer,
    )


@pytest.fixture
def bot_api(settings):
    """The Bot API stand-in on loopback, and the portal's Telegram channel pointed at it."""
    token = "123456:health-test-bot"
    server, state = telegram_standin.start(token)
    settings.SALA_TELEGRAM_BOT_TOKEN = token
    settings.SALA_TELEGRAM_BOT_USERNAME = "SalaTestBot"
    settings.SALA_TELEGRAM_API_URL = server.url
    settings.SALA_TELEGRAM_WEBHOOK_SECRET = "webhook-secret-for-tests"
    yield state
    server.stop()


@pytest.fixture
def sms_gateway(settings):
    """Incoming text messages read with a test key; answers kept in the memory outbox."""
    settings.SALA_SMS_INBOUND_SECRET = "sms-inbound-secret-for-tests"
    settings.SALA_SMS_PROVIDER = "memory"
    sms.outbox.clear()
    cache.clear()
    yield sms.outbox
    sms.outbox.clear()
