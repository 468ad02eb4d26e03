"""The content app's events: an urgent announcement for an area (imported at start-up)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from notifications.api import Message, register_event

URGENT_ANNOUNCEMENT = register_event(
    "content.urgent_announcement",
    label=_("Urgent announcement for an area"),
    urgent=True,
    en=Message(
        title="Urgent: {{ title }}",
        body="{{ summary }}\n\nFrom {{ institution }}.",
        subject="Urgent announcement for {{ area }}: {{ title }}",
        short="{{ portal }}: URGENT {{ title }}. {{ link }}",
    ),
    km=Message(
        title="បន្ទាន់៖ {{ title }}",
        body="{{ summary }}\n\nពី{{ institution }}។",
        subject="សេចក្ដីប្រកាសបន្ទាន់សម្រាប់{{ area }}៖ {{ title }}",
        short="{{ portal }}៖ បន្ទាន់ {{ title }}។ {{ link }}",
    ),
    example={
        "title": {"km": "ការព្រមានពីទឹកជំនន់នៅខេត្តបាត់ដំបង", "en": "Flood warning in Battambang"},
        "summary": {
            "km": "ទឹកទន្លេសង្កែកំពុងឡើង។ ប្រជាពលរដ្ឋតាមមាត់ទន្លេ ត្រូវប្រុងប្រយ័ត្ន។",
            "en": "The Sangke river is rising. People living along the river must stay alert.",
        },
        "institution": {"km": "ក្រសួងមហាផ្ទៃ", "en": "the Ministry of Interior"},
        "area": {"km": "ខេត្តបាត់ដំបង", "en": "Battambang"},
        "url": "/km/news/flood-warning-battambang/",
    },
)
