"""Events of the aggregation app (autodiscovered by notifications)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from notifications.api import Message, register_event

register_event(
    "aggregation.draft_waiting",
    label=_("A mailed announcement waits for an editor's approval"),
    en=Message(
        title="An announcement waits for your approval: {{ title }}",
        body="An announcement arrived from {{ source }} and waits for an editor to approve "
        "it before it appears in the news: {{ title }}",
        short="{{ portal }}: an announcement waits for your approval. {{ link }}",
    ),
    km=Message(
        title="សេចក្តីប្រកាសមួយកំពុងរង់ចាំការអនុម័តរបស់អ្នក៖ {{ title }}",
        body="សេចក្តីប្រកាសមួយបានមកដល់ពី {{ source }} ហើយកំពុងរង់ចាំអ្នកកែសម្រួលអនុម័ត "
        "មុននឹងបង្ហាញក្នុងព័ត៌មាន៖ {{ title }}",
        short="{{ portal }}៖ សេចក្តីប្រកាសមួយកំពុងរង់ចាំការអនុម័តរបស់អ្នក។ {{ link }}",
    ),
    example={"title": "Clinic opening hours over the holidays",
             "source": {"km": "ក្រសួងសុខាភិបាល", "en": "Ministry of Health"}},
)  # fmt: skip
