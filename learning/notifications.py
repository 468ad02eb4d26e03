"""The learning app's events (imported at start-up by notifications' autodiscovery)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from notifications.api import Message, register_event

CERTIFICATE_ISSUED = register_event(
    "learning.certificate_issued",
    label=_("Your certificate for a finished course is ready"),
    km=Message(
        title="វិញ្ញាបនបត្ររបស់អ្នកសម្រាប់វគ្គ «{{ course }}» រួចរាល់ហើយ",
        body=(
            "អបអរសាទរ! អ្នកបានបញ្ចប់វគ្គ «{{ course }}»។ វិញ្ញាបនបត្ររបស់អ្នកមានលេខកូដ "
            "{{ code }}។ អ្នកណាក៏អាចពិនិត្យវាបាននៅតំណនេះ។"
        ),
        short="សាលា៖ វិញ្ញាបនបត្រវគ្គ «{{ course }}» រួចរាល់។ ពិនិត្យ៖ {{ link }}",
    ),
    en=Message(
        title="Your certificate for “{{ course }}” is ready",
        body=(
            "Congratulations! You finished “{{ course }}”. Your certificate's code is "
            "{{ code }}; anyone can check it at this link."
        ),
        short="Sala: your certificate for “{{ course }}” is ready. Check it: {{ link }}",
    ),
    example={
        "course": {"km": "ប្រើវិបផតថលដោយសុវត្ថិភាព", "en": "Using the portal safely"},
        "code": "7KQ2-M4XD",
        "url": "/en/verify/7KQ2-M4XD/",
    },
)
