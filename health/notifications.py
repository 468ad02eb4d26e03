"""The health app's events (imported at start-up by notifications' autodiscovery).

Health content never goes into a notification: they say only that there is something to
read, and link to the page where the person (or health worker) signs in to read it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from health.calendar import email_attachments
from notifications.api import Message, register_event

EXAMPLE = {"reference": "3F2A9C1B", "url": "/en/health/questions/"}

QUESTION_ANSWERED = register_event(
    "health.question_answered",
    label=_("A health worker answered your health question"),
    km=Message(
        title="អ្នកមានចម្លើយថ្មីចំពោះសំណួរសុខភាព {{ reference }}",
        body="បុគ្គលិកសុខាភិបាលបានឆ្លើយសំណួរសុខភាពរបស់អ្នក។ សូមចូលគណនីដើម្បីអានចម្លើយ។",
        short="សាលា៖ អ្នកមានចម្លើយថ្មីចំពោះសំណួរសុខភាព {{ reference }}។ {{ link }}",
    ),
    en=Message(
        title="You have a reply to health question {{ reference }}",
        body="A health worker has replied to your health question. Sign in to read it.",
        short="Sala: you have a reply to health question {{ reference }}. {{ link }}",
    ),
    example=EXAMPLE,
)

QUESTION_WAITING = register_event(
    "health.question_waiting",
    label=_("A health question is waiting for your health centre"),
    km=Message(
        title="សំណួរសុខភាព {{ reference }} កំពុងរង់ចាំចម្លើយ",
        body="មានសំណួរសុខភាពមួយកំពុងរង់ចាំបុគ្គលិកសុខាភិបាលនៃ{{ office }}។",
        short="សាលា៖ សំណួរសុខភាព {{ reference }} កំពុងរង់ចាំ។ {{ link }}",
    ),
    en=Message(
        title="Health question {{ reference }} is waiting",
        body="A health question is waiting for the health workers of {{ office }}.",
        short="Sala: health question {{ reference }} is waiting. {{ link }}",
    ),
    example={**EXAMPLE, "office": {"km": "មណ្ឌលសុខភាពស្លក្រាម", "en": "Sla Kram Health Centre"}},
)

QUESTION_OVERDUE = register_event(
    "health.question_overdue",
    label=_("A health question has waited past its answer time"),
    km=Message(
        title="សំណួរសុខភាព {{ reference }} រង់ចាំហួសពេលកំណត់",
        body="សំណួរសុខភាពមួយនៃ{{ office }} បានរង់ចាំចម្លើយហួសពេលកំណត់ហើយ។ សូមឆ្លើយវាឆាប់ៗ។",
        short="សាលា៖ សំណួរសុខភាព {{ reference }} រង់ចាំហួសពេល។ {{ link }}",
    ),
    en=Message(
        title="Health question {{ reference }} is overdue",
        body=(
            "A health question of {{ office }} has waited past its answer time. "
            "Please answer it soon."
        ),
        short="Sala: health question {{ reference }} is overdue. {{ link }}",
    ),
    example={**EXAMPLE, "office": {"km": "មណ្ឌលសុខភាពស្លក្រាម", "en": "Sla Kram Health Centre"}},
)

QUESTION_SHARED = register_event(
    "health.question_shared",
    label=_("Someone named you as their carer for a health question"),
    km=Message(
        title="អ្នកត្រូវបានចាត់ជាអ្នកថែទាំសម្រាប់សំណួរសុខភាព {{ reference }}",
        body="មាននរណាម្នាក់បានចែករំលែកសំណួរសុខភាពមួយជាមួយអ្នក។ សូមចូលគណនីដើម្បីអានវា។",
        short="សាលា៖ សំណួរសុខភាព {{ reference }} ត្រូវបានចែករំលែកជាមួយអ្នក។ {{ link }}",
    ),
    en=Message(
        title="You were named carer for health question {{ reference }}",
        body="Someone has shared a health question with you. Sign in to read it.",
        short="Sala: health question {{ reference }} was shared with you. {{ link }}",
    ),
    example=EXAMPLE,
)

APPOINTMENT_EXAMPLE = {
    "ticket": "M-007",
    "office": {"km": "មណ្ឌលសុខភាពស្លក្រាម", "en": "Sla Kram Health Centre"},
    "date": {"km": "៩ ធ្នូ ២០២៦", "en": "9 December 2026"},
    "window": {"km": "ពេលព្រឹក (ម៉ោង ៧:០០ ដល់ ១១:០០)", "en": "Morning (7:00 to 11:00)"},
    "url": "/en/health/appointments/mine/",
    "uid": "5b0c6d8e-2f43-4d4e-9a51-1c1f2d3e4f50",
    "starts": "2026-12-09T07:00:00+07:00",
    "ends": "2026-12-09T11:00:00+07:00",
}

APPOINTMENT_BOOKED = register_event(
    "health.appointment_booked",
    label=_("Your appointment at a health centre is booked"),
    km=Message(
        title="ការណាត់ជួបរបស់អ្នកត្រូវបានកក់ហើយ៖ សំបុត្រ {{ ticket }}",
        body=(
            "អ្នកមានការណាត់ជួបនៅ{{ office }} ថ្ងៃទី {{ date }} {{ window }}។ "
            "លេខសំបុត្ររបស់អ្នកគឺ {{ ticket }}។"
        ),
        short="សាលា៖ សំបុត្រ {{ ticket }} នៅ{{ office }} ថ្ងៃទី {{ date }} {{ window }}។ {{ link }}",
    ),
    en=Message(
        title="Your appointment is booked: ticket {{ ticket }}",
        body=(
            "You have an appointment at {{ office }} on {{ date }}, {{ window }}. "
            "Your ticket number is {{ ticket }}."
        ),
        short="Sala: ticket {{ ticket }} at {{ office }} on {{ date }}, {{ window }}. {{ link }}",
    ),
    example=APPOINTMENT_EXAMPLE,
    attachments=email_attachments,
)

APPOINTMENT_REMINDER = register_event(
    "health.appointment_reminder",
    label=_("A reminder of your appointment tomorrow"),
    km=Message(
        title="រំលឹក៖ ការណាត់ជួបនៅថ្ងៃស្អែក សំបុត្រ {{ ticket }}",
        body=(
            "សូមកុំភ្លេចការណាត់ជួបរបស់អ្នកនៅ{{ office }} ថ្ងៃស្អែក ទី {{ date }} {{ window }}។ "
            "សូមយកលេខសំបុត្រ {{ ticket }} មកជាមួយ។"
        ),
        short="សាលា៖ ថ្ងៃស្អែក {{ window }} នៅ{{ office }}។ សំបុត្រ {{ ticket }}។ {{ link }}",
    ),
    en=Message(
        title="Reminder: your appointment tomorrow, ticket {{ ticket }}",
        body=(
            "Remember your appointment at {{ office }} tomorrow, {{ date }}, {{ window }}. "
            "Bring your ticket number {{ ticket }}."
        ),
        short="Sala: tomorrow, {{ window }}, at {{ office }}. Ticket {{ ticket }}. {{ link }}",
    ),
    example=APPOINTMENT_EXAMPLE,
    attachments=email_attachments,
)

APPOINTMENT_MOVED = register_event(
    "health.appointment_moved",
    label=_("Your appointment at a health centre is moved"),
    km=Message(
        title="ការណាត់ជួបរបស់អ្នកត្រូវបានប្ដូរពេល៖ សំបុត្រថ្មី {{ ticket }}",
        body=(
            "ឥឡូវនេះ អ្នកមានការណាត់ជួបនៅ{{ office }} ថ្ងៃទី {{ date }} {{ window }}។ "
            "លេខសំបុត្រថ្មីរបស់អ្នកគឺ {{ ticket }}។ សំបុត្រចាស់លែងប្រើបានហើយ។"
        ),
        short=(
            "សាលា៖ ប្ដូរពេលហើយ។ សំបុត្រថ្មី {{ ticket }} នៅ{{ office }} "
            "ថ្ងៃទី {{ date }} {{ window }}។ {{ link }}"
        ),
    ),
    en=Message(
        title="Your appointment is moved: new ticket {{ ticket }}",
        body=(
            "Your appointment is now at {{ office }} on {{ date }}, {{ window }}. "
            "Your new ticket number is {{ ticket }}; the old ticket is no longer valid."
        ),
        short=(
            "Sala: moved. New ticket {{ ticket }} at {{ office }} on {{ date }}, {{ window }}. "
            "{{ link }}"
        ),
    ),
    example=APPOINTMENT_EXAMPLE,
    attachments=email_attachments,
)

APPOINTMENT_TIME_CLOSED = register_event(
    "health.appointment_time_closed",
    label=_("A health centre closed the time of your appointment"),
    km=Message(
        title="ការណាត់ជួបរបស់អ្នកត្រូវបានលុបចោល៖ សំបុត្រ {{ ticket }}",
        body=(
            "{{ office }} មិនអាចទទួលអ្នកនៅថ្ងៃទី {{ date }} {{ window }} បានទេ "
            "ហើយបានលុបចោលការណាត់ជួបនៅពេលនោះ។ សំបុត្រ {{ ticket }} លែងប្រើបានហើយ។ "
            "សូមកក់ពេលផ្សេងទៀត។"
        ),
        short=(
            "សាលា៖ {{ office }} បានលុបចោលការណាត់ជួបថ្ងៃទី {{ date }} {{ window }}។ "
            "សំបុត្រ {{ ticket }} លែងប្រើបាន។ សូមកក់ពេលផ្សេង។ {{ link }}"
        ),
    ),
    en=Message(
        title="Your appointment is cancelled: ticket {{ ticket }}",
        body=(
            "{{ office }} cannot receive people on {{ date }}, {{ window }}, and has "
            "cancelled the appointments at that time. Ticket {{ ticket }} is no longer valid. "
            "Please book another time."
        ),
        short=(
            "Sala: {{ office }} cancelled appointments on {{ date }}, {{ window }}. "
            "Ticket {{ ticket }} is no longer valid; please book again. {{ link }}"
        ),
    ),
    example=APPOINTMENT_EXAMPLE,
)
