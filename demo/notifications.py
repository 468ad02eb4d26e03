"""Demo data: the demo citizen follows their district and province and has a few
messages in the inbox. Idempotent (keys and get_or_create); refused in production."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from notifications.areas import area_topic
from notifications.models import Notification, Subscription
from notifications.outbox import do_notify
from notifications.topics import describe_topic

DEMO_USERNAME = "citizen"
# (area code, email, SMS, Telegram): the citizen lives in Daun Penh, Phnom Penh.
DEMO_SUBSCRIPTIONS = (
    ("1202", "immediate", "off", "immediate"),
    ("12", "daily", "off", "off"),
)
ANNOUNCEMENTS = (
    (
        "demo:announcement:water",
        {"km": "ការផ្គត់ផ្គង់ទឹកស្អាតត្រូវផ្អាកនៅថ្ងៃអាទិត្យ", "en": "Water supply paused on Sunday"},
        {
            "km": "ការផ្គត់ផ្គង់ទឹកស្អាតនៅខណ្ឌដូនពេញនឹងត្រូវផ្អាកពីម៉ោង ៨ ព្រឹក ដល់ម៉ោង ២ រសៀល "
            "ដើម្បីជួសជុលបំពង់ទឹក។ សូមបម្រុងទឹកទុកជាមុន។",
            "en": "Water will be off in Daun Penh from 8 am to 2 pm while pipes are repaired. "
            "Please store some water beforehand.",
        },
        {"km": "ខណ្ឌដូនពេញ", "en": "Daun Penh"},
    ),
    (
        "demo:announcement:vaccination",
        {"km": "ថ្ងៃចាក់វ៉ាក់សាំងសម្រាប់កុមារ", "en": "Vaccination day for children"},
        {
            "km": "មណ្ឌលសុខភាពទាំងអស់ក្នុងរាជធានីភ្នំពេញ ចាក់វ៉ាក់សាំងដោយឥតគិតថ្លៃ សម្រាប់កុមារ"
            "អាយុក្រោម ៥ ឆ្នាំ នៅថ្ងៃសៅរ៍នេះ។ សូមយកសៀវភៅសុខភាពរបស់កុមារមកជាមួយ។",
            "en": "Every health centre in Phnom Penh vaccinates children under five free of "
            "charge this Saturday. Bring the child's health book.",
        },
        {"km": "រាជធានីភ្នំពេញ", "en": "Phnom Penh"},
    ),
)


@dataclass
class DemoNotifications:
    subscriptions: int = 0
    messages: int = 0

    def summary(self) -> str:
        return (
            f"Demo notifications: {self.subscriptions} subscriptions and "
            f"{self.messages} inbox messages for the demo citizen."
        )


@transaction.atomic
def load_demo_notifications() -> DemoNotifications:
    if not settings.SALA_DEMO_DATA_ALLOWED:
        raise ImproperlyConfigured("Demo data cannot be loaded when SALA_ENV=production.")
    counts = DemoNotifications()
    citizen = get_user_model().objects.filter(username=DEMO_USERNAME).first()
    if citizen is None:
        return counts
    for code, email, sms, telegram in DEMO_SUBSCRIPTIONS:
        if describe_topic(area_topic(code)) is None:
            continue  # the gazetteer is not loaded
        Subscription.objects.get_or_create(
            user=citizen,
            topic=area_topic(code),
            defaults={"email": email, "sms": sms, "telegram": telegram},
        )
        counts.subscriptions += 1
    do_notify(citizen, "notifications.welcome", {}, key="demo:welcome", channels=[])
    for key, title, body, area in ANNOUNCEMENTS:
        do_notify(
            citizen,
            "notifications.broadcast",
            {"title": title, "body": body, "area": area},
            key=key,
            channels=[],
        )
    # The welcome has been read; the announcements are new.
    Notification.objects.filter(recipient=citizen, key="demo:welcome", read_at=None).update(
        read_at=timezone.now()
    )
    counts.messages = Notification.objects.filter(
        recipient=citizen, key__startswith="demo:"
    ).count()
    return counts
