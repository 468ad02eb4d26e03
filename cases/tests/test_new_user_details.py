"""Issue 16's minor items through the views: the catalogue's "Apply online", the office
named on the confirmation page, the queue's applicant and village with its commune, the
reason's true label, and a date of birth kept across "Add another"."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cases.tests.factories import submit
from geo.tests.factories import create_area

pytestmark = pytest.mark.django_db


def test_the_catalogue_marks_what_can_be_done_online(client, world):
    from services.tests.factories import create_service

    create_service("family-book", form=False, channel="office", name_en="Family book")
    page = client.get("/en/services/").content.decode()
    online, at_office = page.split("Birth registration")[1], page.split("Family book")[1]
    assert online.index("Apply online") < online.index("</li>")
    assert "Apply online" not in at_office[: at_office.index("</li>")]
    assert at_office.index("At an office") < at_office.index("</li>")


def test_the_confirmation_page_names_the_office(client, world):
    case = submit(world.citizen, world.service, area=world.tree.village)
    client.force_login(world.citizen)
    page = client.get(reverse("services:submitted", args=[case.application.public_id]))
    assert f"Your application goes to {world.hall.name_en}" in page.content.decode()


def test_the_queue_shows_the_applicant_and_the_village_with_its_commune(client, world):
    world.citizen.name_km = "សុខ ដារា"
    world.citizen.save(update_fields=["name_km"])
    village = create_area("17100102", "Trapeang Ses", "ត្រពាំងសេះ", world.tree.commune)
    submit(world.citizen, world.service, area=village)
    client.force_login(world.clerk)
    page = client.get("/en/office/").content.decode()
    assert "សុខ ដារា" in page and "Trapeang Ses, Sla Kram" in page


def test_the_reason_says_which_actions_need_it_instead_of_optional(client, world):
    case = submit(world.citizen, world.service, area=world.tree.village)
    client.force_login(world.clerk)
    page = client.get(case.get_absolute_url()).content.decode()
    label = page.split('for="id_reason">')[1].split("</label>")[0]
    assert "needed to: Ask for more information" in label and "optional" not in label


def test_a_date_of_birth_typed_before_add_another_is_kept(client, world):
    from services.models import Application
    from services.tests.factories import create_service

    form = {"pages": [{"key": "family", "title": {"km": "គ្រួសារ", "en": "Family"}, "fields": [
        {"key": "members", "type": "group", "label": {"km": "សមាជិក", "en": "Members"},
         "item_label": {"km": "សមាជិក", "en": "Member"}, "max_items": 3, "fields": [
            {"key": "member_birth_date", "type": "date",
             "label": {"km": "ថ្ងៃខែឆ្នាំកំណើត", "en": "Date of birth"}}]}]}]}  # fmt: skip
    service = create_service("household", form=form)
    client.force_login(world.citizen)
    client.post(reverse("services:start", args=[service.slug]))
    application = Application.objects.get(service=service)
    url = reverse("services:page", args=[application.public_id, "family"])
    page = client.post(url, {
        "members__count": "1", "_add": "members", "members__0__member_birth_date_day": "17",
        "members__0__member_birth_date_month": "4", "members__0__member_birth_date_year": "1990",
    }).content.decode()  # fmt: skip
    assert 'name="members__0__member_birth_date_day" value="17"' in page
    assert 'name="members__1__member_birth_date_day"' in page
