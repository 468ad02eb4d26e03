"""The services app's events (imported at start-up by notifications' autodiscovery)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from notifications.api import Message, register_event

APPLICATION_SUBMITTED = register_event(
    "services.application_submitted",
    label=_("An application was sent"),
    km=Message(
        title="បានទទួលពាក្យស្នើសុំ{{ service }} លេខយោង {{ reference }}",
        body=(
            "យើងបានទទួលពាក្យស្នើសុំ{{ service }}របស់អ្នកហើយ។ លេខយោងរបស់អ្នកគឺ {{ reference }}។ "
            "សូមរក្សាលេខនេះទុក ដើម្បីតាមដានពាក្យស្នើសុំរបស់អ្នក។"
        ),
        short="សាលា៖ បានទទួលពាក្យស្នើសុំ{{ service }} លេខយោង {{ reference }}។ {{ link }}",
    ),
    en=Message(
        title="Application for {{ service }} received: {{ reference }}",
        body=(
            "We have received your application for {{ service }}. Your reference number is "
            "{{ reference }}. Keep it to follow your application."
        ),
        short="Sala: application for {{ service }} received, reference {{ reference }}. {{ link }}",
    ),
    example={
        "reference": "SALA-2026-000123-45",
        "service": {"km": "ការចុះសំបុត្រកំណើត", "en": "birth registration"},
        "url": "/en/services/applications/",
    },
)
