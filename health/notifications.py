"""The health app's events (imported at start-up by notifications' autodiscovery).

Health content never goes into a notification: they say only that there is something to
read, and link to the page where the person (or health worker) signs in to read it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

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
