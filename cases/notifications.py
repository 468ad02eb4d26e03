"""The cases app's events (imported at start-up by notifications' autodiscovery)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from notifications.api import Message, register_event

EXAMPLE = {
    "reference": "SALA-2026-000123-45",
    "service": {"km": "ការចុះសំបុត្រកំណើត", "en": "birth registration"},
    "status": {"km": "បានអនុម័ត", "en": "Approved"},
    "reason": "",
    "url": "/en/cases/",
}

STATUS_CHANGED = register_event(
    "cases.status_changed",
    label=_("Your application changed status"),
    km=Message(
        title="ពាក្យស្នើសុំ {{ reference }}៖ {{ status }}",
        body=(
            "ស្ថានភាពពាក្យស្នើសុំ{{ service }}របស់អ្នក (លេខយោង {{ reference }}) ឥឡូវគឺ "
            "«{{ status }}»។{% if reason %} {{ reason }}{% endif %}"
        ),
        short="សាលា៖ ពាក្យស្នើសុំ {{ reference }} ៖ {{ status }}។ {{ link }}",
    ),
    en=Message(
        title="Application {{ reference }}: {{ status }}",
        body=(
            "Your application for {{ service }} (reference {{ reference }}) is now "
            '"{{ status }}".{% if reason %} {{ reason }}{% endif %}'
        ),
        short="Sala: application {{ reference }} is now {{ status }}. {{ link }}",
    ),
    example=EXAMPLE,
)

INFORMATION_REQUESTED = register_event(
    "cases.information_requested",
    label=_("The office needs more information"),
    urgent=True,
    km=Message(
        title="ត្រូវការព័ត៌មានបន្ថែមសម្រាប់ពាក្យស្នើសុំ {{ reference }}",
        body=(
            "ការិយាល័យដែលកំពុងពិនិត្យពាក្យស្នើសុំ{{ service }}របស់អ្នក ត្រូវការព័ត៌មានបន្ថែម៖ "
            "{{ reason }} សូមឆ្លើយតបតាមតំណនេះ។"
        ),
        short="សាលា៖ ត្រូវការព័ត៌មានបន្ថែមសម្រាប់ {{ reference }}។ {{ link }}",
    ),
    en=Message(
        title="More information needed for application {{ reference }}",
        body=(
            "The office reviewing your application for {{ service }} needs more "
            "information: {{ reason }} Answer through the link."
        ),
        short="Sala: more information needed for {{ reference }}. {{ link }}",
    ),
    example={**EXAMPLE, "reason": "Please send a clearer photo."},
)

OFFICE_MESSAGE = register_event(
    "cases.office_message",
    label=_("A message from the office about your application"),
    km=Message(
        title="សារថ្មីអំពីពាក្យស្នើសុំ {{ reference }}",
        body="ការិយាល័យបានផ្ញើសារអំពីពាក្យស្នើសុំ{{ service }}របស់អ្នក៖ {{ message }}",
        short="សាលា៖ សារថ្មីអំពី {{ reference }}។ {{ link }}",
    ),
    en=Message(
        title="New message about application {{ reference }}",
        body="The office wrote about your application for {{ service }}: {{ message }}",
        short="Sala: new message about {{ reference }}. {{ link }}",
    ),
    example={**EXAMPLE, "message": "Your certificate is ready to collect."},
)

APPLICANT_MESSAGE = register_event(
    "cases.applicant_message",
    label=_("An applicant wrote about a case"),
    channels=("email",),
    km=Message(
        title="អ្នកដាក់ពាក្យបានសរសេរអំពីសំណុំរឿង {{ reference }}",
        body="អ្នកដាក់ពាក្យបានផ្ញើសារ៖ {{ message }}",
    ),
    en=Message(
        title="The applicant wrote about case {{ reference }}",
        body="The applicant sent a message: {{ message }}",
    ),
    example={**EXAMPLE, "message": "Here is the clearer photo."},
)

ASSIGNED = register_event(
    "cases.assigned",
    label=_("A case was given to you"),
    channels=("email",),
    km=Message(
        title="សំណុំរឿង {{ reference }} ត្រូវបានប្រគល់ឱ្យអ្នក",
        body="សំណុំរឿង{{ service }} លេខយោង {{ reference }} ត្រូវបានប្រគល់ឱ្យអ្នកដោះស្រាយ។",
    ),
    en=Message(
        title="Case {{ reference }} was given to you",
        body="The {{ service }} case {{ reference }} was given to you to handle.",
    ),
    example=EXAMPLE,
)

NATIONAL_QUEUE = register_event(
    "cases.national_queue",
    label=_("A case went to the national queue"),
    channels=("email",),
    km=Message(
        title="សំណុំរឿង {{ reference }} នៅក្នុងជួររង់ចាំថ្នាក់ជាតិ",
        body=(
            "រកមិនឃើញការិយាល័យដែលមានសមត្ថកិច្ចសម្រាប់ពាក្យស្នើសុំ{{ service }} "
            "លេខយោង {{ reference }} ទេ។ សូមបញ្ជូនវាទៅការិយាល័យត្រឹមត្រូវ។"
        ),
    ),
    en=Message(
        title="Case {{ reference }} is in the national queue",
        body=(
            "No office with jurisdiction was found for the {{ service }} application "
            "{{ reference }}. Send it to the right office."
        ),
    ),
    example=EXAMPLE,
)

OVERDUE = register_event(
    "cases.overdue",
    label=_("Cases of your office are overdue"),
    channels=("email",),
    km=Message(
        title="សំណុំរឿងហួសកាលកំណត់ {{ count }} នៅ{{ office }}",
        body="ការិយាល័យ{{ office }}មានសំណុំរឿងហួសកាលកំណត់ {{ count }}។ សូមពិនិត្យជួររង់ចាំ។",
    ),
    en=Message(
        title="{{ count }} overdue cases at {{ office }}",
        body="{{ office }} has {{ count }} overdue cases. Please look at the queue.",
    ),
    example={"count": 3, "office": {"km": "សាលាឃុំ", "en": "Commune hall"}, "url": "/en/office/"},
)
