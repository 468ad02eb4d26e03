"""The markets app's events (imported at start-up by notifications' autodiscovery)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from notifications.api import Message, register_event

PRICE_ALERT = register_event(
    "markets.price_alert",
    label=_("A market price you follow passed your alert"),
    km=Message(
        title="តម្លៃ{{ commodity }} {{ place }}៖ {{ price }}",
        body=(
            "តម្លៃមធ្យមប្រចាំសប្តាហ៍ចាប់ពី {{ week }} នៃ{{ commodity }} {{ place }} "
            "គឺ {{ price }} ក្នុងមួយ{{ unit }}។ {{ reason }}"
        ),
        short="សាលា៖ {{ commodity }} {{ place }} {{ price }}។ {{ reason }} {{ link }}",
    ),
    en=Message(
        title="Price of {{ commodity }}, {{ place }}: {{ price }}",
        body=(
            "The weekly mean price of {{ commodity }}, {{ place }}, in the week from "
            "{{ week }} is {{ price }} per {{ unit }}. {{ reason }}"
        ),
        short="Sala: {{ commodity }} {{ place }} {{ price }}. {{ reason }} {{ link }}",
    ),
    example={
        "commodity": {"km": "ស្រូវម្លិះ", "en": "jasmine rice paddy"},
        "place": {"km": "ខេត្តកំពត", "en": "Kampot"},
        "price": {"km": "១,៤០០ រៀល", "en": "1,400 riel"},
        "unit": {"km": "គីឡូក្រាម", "en": "kilogram"},
        "week": {"km": "៧ ធ្នូ ២០២៦", "en": "7 December 2026"},
        "reason": {"km": "វាលើសពី ១,៣០០ រៀល។", "en": "It is above 1,300 riel."},
        "url": "/en/markets/commodities/rice-jasmine/",
    },
)
