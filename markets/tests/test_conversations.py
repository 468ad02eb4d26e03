"""Asking a price by SMS or Telegram: "price rice kampot" / "តម្លៃ ស្រូវ កំពត"."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from markets.tests.factories import weekly_prices
from notifications.conversations import dispatch, inbound_message

pytestmark = pytest.mark.django_db


def ask(text: str) -> str:
    reply = dispatch(inbound_message("sms", "+85512345678", text))
    return f"{reply.text} {reply.link}"


def test_a_price_in_a_province_with_its_range_and_direction(markets_world):
    today = timezone.localdate()
    weekly_prices(markets_world.market, "pork", [18000, 19000], today)
    weekly_prices(markets_world.other_market, "pork", [17000, 17000], today)
    weekly_prices(markets_world.far_market, "pork", [30000, 30000], today)
    answer = ask("price pork siemreap")
    assert "Pork, Siemreap" in answer
    assert "18,000 riel per kilogram (from 17,000 to 19,000)" in answer
    assert "Up 2.9% on the week before." in answer
    assert "/markets/commodities/pork/" in answer
    assert "22,000" in ask("price pork")  # the whole country, (19,000 + 17,000 + 30,000) / 3


def test_a_price_asked_in_khmer_is_answered_in_khmer_with_khmer_digits(markets_world):
    weekly_prices(markets_world.market, "paddy-white", [13000, 13000],
                  timezone.localdate() - datetime.timedelta(days=1), demo=True)  # fmt: skip
    answer = ask("តម្លៃ ស្រូវ សៀមរាប")
    assert "ស្រូវស" in answer and "១៣,០០០ រៀល" in answer
    assert "មិនប្រែប្រួល" in answer
    assert "ទិន្នន័យសាកល្បង" in answer  # demo prices say so


def test_an_unknown_commodity_gets_how_to_ask(markets_world):
    assert "PRICE rice Kampot" in ask("price gold siemreap")
    assert "No price of Pork in Siemreap yet." in ask("price pork siemreap")
