"""Importing price files: good rows in, bad rows reported with their reason in Khmer and
English, the command's summary; and the demo generator."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import Workbook

from audit.models import AuditEntry
from markets.models import Commodity, LatestPrice, Observation, WeeklyPrice

pytestmark = pytest.mark.django_db


def csv_file(world, name="prices.csv") -> SimpleUploadedFile:
    today = timezone.localdate().isoformat()
    text = (
        "date,market,commodity,price_type,unit,currency,price,source\n"
        f"{today},{world.market.code},rice-jasmine,retail,kg,KHR,3800,MAFF\n"
        f"{today},{world.other_market.code},rice-jasmine,,,USD,1,\n"
        f"{today},{world.market.code},rice-jasmine,retail,kg,KHR,3900,\n"  # twice
        f"{today},{world.far_market.code},rice-jasmine,retail,kg,KHR,3800,\n"  # other province
        f"{today},{world.market.code},gold,retail,kg,KHR,3800,\n"
        f"07/12/2026,{world.market.code},pork,retail,kg,KHR,18000,\n"
        f"{today},{world.market.code},pork,retail,kg,KHR,-5,\n"
        f"{today},{world.market.code},cattle,farm-gate,kg,KHR,9000,\n"
    )
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def test_a_provincial_officer_imports_good_rows_and_sees_each_bad_one(client, markets_world):
    client.force_login(markets_world.reviewer)
    with translation.override("en"):
        page = client.post(reverse("markets:import"), {"file": csv_file(markets_world)})
    text = page.content.decode()
    assert "8 rows read: 2 imported, 6 refused." in text
    for reason in ("The same price is in the file twice.",
                   "Unknown market code, or a market outside your provinces.",
                   "Unknown commodity code.", "The date is not a date like 2026-12-07.",
                   "The price must be more than zero.",
                   "This unit cannot be converted to the commodity&#x27;s unit."):  # fmt: skip
        assert reason in text
    assert "មិនស្គាល់លេខកូដទំនិញ។" in text  # every reason in both languages
    assert Observation.objects.count() == 2
    assert LatestPrice.objects.get(market=markets_world.other_market).value_khr == 4100
    assert WeeklyPrice.objects.filter(province_code="").count() == 1
    assert AuditEntry.objects.filter(action="markets.prices_imported").exists()
    again = client.post(reverse("markets:import"), {"file": csv_file(markets_world)})
    assert Observation.objects.count() == 2  # already recorded: refused, not doubled
    assert again.status_code == 200


def test_an_xlsx_file_is_imported_and_a_broken_one_refused_with_the_form_kept(
    client, markets_world
):
    book = Workbook()
    sheet = book.active
    sheet.append(["Date", "Market", "Commodity", "Price"])
    sheet.append([timezone.localdate(), markets_world.market.code, "pork", 18500])
    data = io.BytesIO()
    book.save(data)
    client.force_login(markets_world.reviewer)
    upload = SimpleUploadedFile("prices.xlsx", data.getvalue())
    client.post(reverse("markets:import"), {"file": upload})
    assert Observation.objects.get().value_khr == 18500
    with translation.override("en"):
        page = client.post(
            reverse("markets:import"), {"file": SimpleUploadedFile("x.xlsx", b"not a workbook")}
        )
    assert "This file cannot be read as CSV (UTF-8) or XLSX." in page.content.decode()


def test_the_import_command_prints_progress_and_a_summary(markets_world, tmp_path):
    path = tmp_path / "prices.csv"
    path.write_bytes(csv_file(markets_world).read())
    out = io.StringIO()
    call_command("import_market_prices", str(path), stdout=out)
    text = out.getvalue()
    assert "rows read" in text and "8 rows read: 3 imported, 5 refused." in text  # all markets
    assert "line 6: Unknown commodity code." in text


def test_the_demo_generator_makes_seasonal_weekly_series_marked_as_demo(markets_world):
    call_command("generate_market_prices", weeks=60, markets=3, commodities=4, stdout=io.StringIO())
    assert Observation.objects.filter(is_demo=True).count() == 60 * 3 * 4
    assert LatestPrice.objects.filter(is_demo=True).count() == 3 * 4
    paddy = Commodity.objects.get(code="paddy-white")
    weeks = {
        w.week.month: w.mean_khr
        for w in WeeklyPrice.objects.filter(commodity=paddy, province_code="")
    }
    assert weeks[9] > weeks[1]  # dearer in the lean season than after the harvest
    call_command("generate_market_prices", weeks=60, markets=3, commodities=4, stdout=io.StringIO())
    assert Observation.objects.count() == 60 * 3 * 4  # a second run adds nothing
