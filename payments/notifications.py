"""The payments app's events (imported at start-up by notifications' autodiscovery)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from notifications.api import Message, register_event

EXAMPLE = {
    "reference": "SALA-2026-000123-45",
    "service": {"km": "លិខិតបញ្ជាក់ទីលំនៅ", "en": "residence certificate"},
    "amount": {"km": "២០,០០០ រៀល", "en": "20,000 riel"},
    "expires": {"km": "១១ ធ្នូ ២០២៦, ០៥:១១", "en": "11 December 2026, 05:11"},
    "url": "/en/pay/",
}

PAYMENT_DUE = register_event(
    "payments.payment_due",
    label=_("A fee to pay for your application"),
    km=Message(
        title="សូមបង់ថ្លៃសេវា {{ amount }} សម្រាប់ពាក្យស្នើសុំ {{ reference }}",
        body=(
            "ដើម្បីឱ្យការិយាល័យដោះស្រាយពាក្យស្នើសុំ{{ service }}របស់អ្នក សូមបង់ {{ amount }} "
            "ដោយ KHQR មុន {{ expires }}។ កូដបង់ប្រាក់មាននៅតាមតំណនេះ។"
        ),
        short="សាលា៖ សូមបង់ {{ amount }} សម្រាប់ {{ reference }} មុន {{ expires }}។ {{ link }}",
    ),
    en=Message(
        title="Pay {{ amount }} for application {{ reference }}",
        body=(
            "So that the office can handle your application for {{ service }}, pay "
            "{{ amount }} by KHQR before {{ expires }}. The payment code is at the link."
        ),
        short="Sala: pay {{ amount }} for {{ reference }} by {{ expires }}. {{ link }}",
    ),
    example=EXAMPLE,
)

PAID = register_event(
    "payments.paid",
    label=_("Your fee was received"),
    km=Message(
        title="បានទទួលថ្លៃសេវា {{ amount }} សម្រាប់ {{ reference }}",
        body="យើងបានទទួលការបង់ប្រាក់ {{ amount }} សម្រាប់ពាក្យស្នើសុំ{{ service }}របស់អ្នក។",
        short="សាលា៖ បានទទួល {{ amount }} សម្រាប់ {{ reference }}។ {{ link }}",
    ),
    en=Message(
        title="Fee of {{ amount }} received for {{ reference }}",
        body="We received your payment of {{ amount }} for your application for {{ service }}.",
        short="Sala: {{ amount }} received for {{ reference }}. {{ link }}",
    ),
    example=EXAMPLE,
)

PAYMENT_REMINDER = register_event(
    "payments.payment_reminder",
    label=_("A reminder that a fee is still to pay"),
    urgent=True,
    km=Message(
        title="នៅសល់តិចទៀតដើម្បីបង់ថ្លៃសេវាសម្រាប់ {{ reference }}",
        body=(
            "អ្នកមិនទាន់បានបង់ {{ amount }} សម្រាប់ពាក្យស្នើសុំ{{ service }}របស់អ្នកនៅឡើយទេ។ "
            "កូដបង់ប្រាក់ផុតកំណត់នៅ {{ expires }}។"
        ),
        short="សាលា៖ សូមបង់ {{ amount }} សម្រាប់ {{ reference }} មុន {{ expires }}។ {{ link }}",
    ),
    en=Message(
        title="Your fee for {{ reference }} is still to pay",
        body=(
            "You have not yet paid {{ amount }} for your application for {{ service }}. "
            "The payment code expires on {{ expires }}."
        ),
        short="Sala: pay {{ amount }} for {{ reference }} by {{ expires }}. {{ link }}",
    ),
    example=EXAMPLE,
)

REFUND_EXAMPLE = {key: EXAMPLE[key] for key in ("reference", "service", "amount", "url")}

REFUND_APPROVED = register_event(
    "payments.refund_approved",
    label=_("A refund of your fee was approved"),
    km=Message(
        title="បានអនុម័តការសងប្រាក់ {{ amount }} វិញ សម្រាប់ {{ reference }}",
        body=(
            "ការិយាល័យបានអនុម័តការសងប្រាក់ {{ amount }} វិញ សម្រាប់ពាក្យស្នើសុំ{{ service }}"
            "របស់អ្នក។ ប្រាក់នឹងត្រូវផ្ទេរទៅគណនីដែលអ្នកបានបង់ ឬប្រគល់ជូនអ្នកនៅបញ្ជរ។"
        ),
        short="សាលា៖ បានអនុម័តការសងប្រាក់ {{ amount }} វិញ សម្រាប់ {{ reference }}។ {{ link }}",
    ),
    en=Message(
        title="Refund of {{ amount }} approved for {{ reference }}",
        body=(
            "The office approved a refund of {{ amount }} for your application for "
            "{{ service }}. The money goes back to the account you paid from, or is handed "
            "to you at the counter."
        ),
        short="Sala: refund of {{ amount }} approved for {{ reference }}. {{ link }}",
    ),
    example=REFUND_EXAMPLE,
)

REFUND_REJECTED = register_event(
    "payments.refund_rejected",
    label=_("A refund of your fee was not approved"),
    km=Message(
        title="ការសងប្រាក់ {{ amount }} វិញ សម្រាប់ {{ reference }} មិនត្រូវបានអនុម័តទេ",
        body=(
            "ការិយាល័យមិនបានអនុម័តការសងប្រាក់ {{ amount }} វិញ សម្រាប់ពាក្យស្នើសុំ{{ service }}"
            "របស់អ្នកទេ។ សូមទាក់ទងការិយាល័យ ប្រសិនបើអ្នកមានសំណួរ។"
        ),
        short="សាលា៖ ការសងប្រាក់ {{ amount }} វិញ សម្រាប់ {{ reference }} មិនត្រូវបានអនុម័តទេ។ {{ link }}",
    ),
    en=Message(
        title="Refund of {{ amount }} for {{ reference }} not approved",
        body=(
            "The office did not approve a refund of {{ amount }} for your application for "
            "{{ service }}. Contact the office if you have questions."
        ),
        short="Sala: refund of {{ amount }} for {{ reference }} not approved. {{ link }}",
    ),
    example=REFUND_EXAMPLE,
)

REFUND_TO_APPROVE = register_event(
    "payments.refund_to_approve",
    label=_("A refund waits for your approval"),
    channels=("email",),
    km=Message(
        title="ការសងប្រាក់ {{ amount }} វិញ សម្រាប់ {{ reference }} កំពុងរង់ចាំការអនុម័តរបស់អ្នក",
        body=(
            "មន្ត្រីម្នាក់បានស្នើសុំសងប្រាក់ {{ amount }} វិញ សម្រាប់ពាក្យស្នើសុំ{{ service }} "
            "{{ reference }}។ សូមពិនិត្យមូលហេតុ ហើយអនុម័ត ឬបដិសេធ។"
        ),
    ),
    en=Message(
        title="A refund of {{ amount }} for {{ reference }} waits for your approval",
        body=(
            "An officer asked to give back {{ amount }} for the application for {{ service }} "
            "{{ reference }}. Read the reason, then approve or reject it."
        ),
    ),
    example={**REFUND_EXAMPLE, "url": "/km/pay/refunds/"},
)
