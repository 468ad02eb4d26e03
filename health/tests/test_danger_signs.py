"""The danger-sign screen: signed out, a yes sends the person to care now."""

from __future__ import annotations

import re

import pytest

from audit.models import AuditEntry
from health.models import DangerSignTable, Screening
from health.triage import published_table, signs_for

pytestmark = pytest.mark.django_db


def answers(group: str, yes: tuple[str, ...] = ()) -> dict[str, str]:
    table = published_table()
    return {s.code: ("yes" if s.code in yes else "no") for s in signs_for(table, group)}


def test_the_first_table_is_published_with_the_five_imci_signs_for_a_child():
    table = published_table()
    assert table.version == 1
    assert list(signs_for(table, "child").values_list("code", flat=True)) == [
        "cannot-drink", "vomits-everything", "had-convulsions", "lethargic", "convulsing-now",
    ]  # fmt: skip
    assert signs_for(table, "pregnancy").count() == 6


def test_the_start_page_asks_who_is_ill_signed_out(client):
    response = client.get("/en/health/")
    assert response.status_code == 200
    assert "A child from 2 months to 5 years" in response.content.decode()


def test_a_yes_sends_a_signed_out_parent_to_urgent_care(client, health_world):
    response = client.post(
        "/en/health/check/?group=child", answers("child", yes=("convulsing-now",))
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/health/urgent/"
    screening = Screening.objects.get()
    assert screening.outcome == "urgent"
    assert screening.signs_present == ["convulsing-now"]
    assert screening.table.version == 1
    assert AuditEntry.objects.filter(action="health.screening_recorded", actor=None).exists()

    page = client.get(f"/en/health/urgent/?area={health_world.tree.village.code}")
    text = page.content.decode()
    assert "Go to a health facility now" in text
    assert 'href="tel:119"' in text
    assert "Siem Reap Hospital" in text
    assert "Sla Kram Health Centre" in text
    assert 'href="tel:+85512345678"' in text


def test_the_urgent_page_shows_khmer_digits_and_the_khmer_advice(client, health_world):
    client.post("/km/health/check/?group=child", answers("child", yes=("lethargic",)))
    text = client.get("/km/health/urgent/").content.decode()
    assert "ទៅកាន់មូលដ្ឋានសុខាភិបាលឥឡូវនេះ" in text
    assert "១១៩" in text


def test_the_urgent_page_finds_the_place_by_name(client, health_world):
    text = client.get("/en/health/urgent/?q=Sla+Kram").content.decode()
    assert f'href="?area={health_world.tree.commune.code}"' in text


def test_all_no_gives_the_clear_page(client):
    response = client.post("/en/health/check/?group=pregnancy", answers("pregnancy"))
    assert response["Location"] == "/en/health/no-danger-signs/"
    assert client.get("/en/health/no-danger-signs/").status_code == 200
    assert Screening.objects.get().outcome == "clear"


def test_an_unanswered_sign_keeps_the_form_with_a_message(client):
    data = answers("child", yes=("lethargic",))
    del data["vomits-everything"]
    response = client.post("/en/health/check/?group=child", data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Answer yes or no." in text
    assert re.search(r'name="lethargic" value="yes"[^>]*checked', text)
    assert not Screening.objects.exists()


def test_a_missing_group_shows_the_start_page_with_an_error(client):
    response = client.get("/en/health/check/?group=robot")
    assert response.status_code == 400
    assert "Choose who is ill." in response.content.decode()


def test_the_clear_page_without_a_screening_goes_back_to_the_start(client):
    assert client.get("/en/health/no-danger-signs/")["Location"] == "/en/health/"


def test_without_a_published_table_the_page_says_to_call_119(client):
    DangerSignTable.objects.update(status="retired")
    response = client.get("/en/health/check/?group=child")
    assert response.status_code == 503
    assert "call 119" in response.content.decode()
