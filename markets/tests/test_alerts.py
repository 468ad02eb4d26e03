"""Price alerts: subscribing and its bad input, the per-person limit, and being told in
the inbox when a newly published week meets the rule, once per week."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from audit.models import AuditEntry
from markets.alerting import MAX_ALERTS, do_subscribe
from markets.importing import do_import_prices
from markets.models import Commodity, PriceAlert
from markets.parsing import read_rows
from markets.tests.factories import weekly_prices
from markets.tests.test_spikes import seasonal
from notifications.models import Notification

pytestmark = pytest.mark.django_db

RICE = "price-rice-jasmine-retail"


def subscribe(client, **data):
    with translation.override("en"):
        return client.post(reverse("markets:alerts"), data)


def told(person) -> list[Notification]:
    return list(Notification.objects.filter(recipient=person, event="markets.price_alert"))


def test_a_person_signs_in_subscribes_and_is_told_when_an_officer_publishes_a_high_price(
    client, markets_world
):
    """The journey: the commodity page, sign-in, the alert, the officer's price, the inbox."""
    world = markets_world
    today = timezone.localdate()
    weekly_prices(world.market, "rice-jasmine", [3800, 3900], today - datetime.timedelta(weeks=1))
    with translation.override("en"):
        page = client.get(reverse("markets:commodity", args=["rice-jasmine"])).content.decode()
        link = reverse("markets:alerts") + "?commodity=rice-jasmine"
    assert link.replace("&", "&amp;") in page
    assert client.get(link).status_code == 302  # signed out: to the sign-in page
    client.force_login(world.citizen)
    with translation.override("en"):
        form = client.get(link).content.decode()
    assert 'value="rice-jasmine" selected' in form
    response = subscribe(
        client, commodity="rice-jasmine", province=world.tree.province.code, rule="above",
        threshold="៤,០០០",
    )  # fmt: skip
    assert response.status_code == 302
    alert = PriceAlert.objects.get(person=world.citizen)
    assert alert.threshold_khr == 4000 and alert.province == world.tree.province
    assert AuditEntry.objects.filter(action="markets.alert_added", actor=world.citizen).exists()

    client.force_login(world.officer)
    client.post(
        reverse("markets:enter_prices", args=[world.market.code]),
        {"date": today.isoformat(), RICE: "3950"},
    )
    assert told(world.citizen) == []  # 3,950 is not above 4,000
    client.post(
        reverse("markets:enter_prices", args=[world.market.code]),
        {"date": today.isoformat(), "price-pork-retail": "16000"},
    )
    client.force_login(world.other_officer)
    weekly_prices(world.other_market, "rice-jasmine", [4300], today)  # the week's mean: 4,125
    [message] = told(world.citizen)
    assert "Siemreap" in message.title or "សៀមរាប" in message.title
    assert "4,125" in message.title or "៤,១២៥" in message.title
    client.force_login(world.citizen)
    with translation.override("en"):
        inbox = client.get(reverse("notifications:inbox")).content.decode()
    assert "4,125 riel" in inbox or message.title in inbox  # shown in the page's language
    # Another price the same week: told at most once a week.
    weekly_prices(world.far_market, "rice-jasmine", [4500], today)
    weekly_prices(world.other_market, "rice-jasmine", [4600], today - datetime.timedelta(days=1))
    assert len(told(world.citizen)) == 1


def test_the_message_is_in_the_persons_language_with_khmer_digits(markets_world):
    world = markets_world
    assert world.citizen.preferred_language == "km"
    rice = Commodity.objects.get(code="rice-jasmine")
    do_subscribe(world.citizen, rice, None, "below", threshold=3000)
    weekly_prices(world.market, "rice-jasmine", [3200, 2900], timezone.localdate())
    [message] = told(world.citizen)
    assert "២,៩០០ រៀល" in message.title and "ទូទាំងប្រទេស" in message.title


def test_a_weekly_change_past_the_percentage_is_told_each_week(markets_world):
    world = markets_world
    rice = Commodity.objects.get(code="rice-jasmine")
    do_subscribe(world.citizen, rice, None, "change", percent=10)
    today = timezone.localdate()
    weekly_prices(world.market, "rice-jasmine", [3000, 3200], today - datetime.timedelta(weeks=2))
    assert told(world.citizen) == []  # up 6.7%
    weekly_prices(world.market, "rice-jasmine", [3600], today - datetime.timedelta(weeks=1))
    weekly_prices(world.market, "rice-jasmine", [3000], today)
    assert len(told(world.citizen)) == 2  # up 12.5%, then down 16.7%


def test_entering_the_alert_level_is_told(markets_world):
    world = markets_world
    rice = Commodity.objects.get(code="rice-jasmine")
    do_subscribe(world.citizen, rice, world.tree.province, "spike", spike="alert")
    weekly_prices(world.market, "rice-jasmine", seasonal(104), timezone.localdate())
    assert told(world.citizen) == []
    next_week = timezone.localdate() + datetime.timedelta(weeks=1)
    weekly_prices(world.market, "rice-jasmine", [9000], next_week)
    [message] = told(world.citizen)
    assert "វិបត្តិ" in message.body  # the crisis level, in the person's Khmer


def test_an_imported_price_past_the_threshold_is_told(markets_world):
    world = markets_world
    rice = Commodity.objects.get(code="rice-jasmine")
    do_subscribe(world.citizen, rice, None, "above", threshold=5000)
    day = timezone.localdate().isoformat()
    data = (
        "date,market,commodity,price_type,unit,currency,price,source\n"
        f"{day},{world.market.code},rice-jasmine,retail,kg,KHR,5200,import\n"
    )
    result = do_import_prices(
        world.reviewer, read_rows(io.BytesIO(data.encode()), "p.csv"), "p.csv"
    )
    assert result.imported == 1
    assert len(told(world.citizen)) == 1


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"rule": "above", "threshold": "-5"}, "threshold", "Enter a price more than zero."),
        ({"rule": "change", "percent": "0"}, "percent", "more than 0 and at most 1000"),
        ({"rule": "above", "threshold": "100", "province": "99"}, "province",
         "Choose a province from the list."),
        ({"rule": "above", "threshold": ""}, "threshold", "Enter the price to compare with."),
    ],
)  # fmt: skip
def test_bad_input_is_explained_and_the_form_kept(client, markets_world, data, field, message):
    client.force_login(markets_world.citizen)
    with translation.override("en"):
        response = client.post(reverse("markets:alerts"), {"commodity": "pork", **data})
        page = response.content.decode()
    assert response.status_code == 200 and message in page
    assert 'value="pork" selected' in page
    assert not PriceAlert.objects.exists()
    with translation.override("km"):
        page = client.post(reverse("markets:alerts"), {"commodity": "pork", **data}).content
    assert message not in page.decode()  # said in Khmer on the Khmer page


def test_the_limit_and_removing_an_alert(client, markets_world):
    world = markets_world
    pork = Commodity.objects.get(code="pork")
    for _index in range(MAX_ALERTS):
        do_subscribe(world.citizen, pork, None, "above", threshold=20000)
    client.force_login(world.citizen)
    with translation.override("en"):
        page = subscribe(client, commodity="pork", rule="above", threshold="1").content.decode()
    assert "remove one to add another" in page
    alert = PriceAlert.objects.filter(person=world.citizen).first()
    client.force_login(world.officer)
    assert client.post(reverse("markets:remove_alert", args=[alert.pk])).status_code == 404
    client.force_login(world.citizen)
    client.post(reverse("markets:remove_alert", args=[alert.pk]))
    assert PriceAlert.objects.filter(person=world.citizen).count() == MAX_ALERTS - 1
    assert AuditEntry.objects.filter(action="markets.alert_removed").exists()
