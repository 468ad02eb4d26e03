"""Applying online, page by page, through the real views."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import create_user
from services.models import Application
from services.references import is_valid_reference
from services.tests.factories import PDF, PNG, create_service, definition

pytestmark = pytest.mark.django_db

ABOUT = {
    "name__km": "សុខ ដារា",
    "name__latin": "Sok Dara",
    "phone": "012 345 678",
    "married": "no",
}
CHILDREN = {
    "kind": "copy",
    "children__count": "1",
    "children__0__child_name": "Vannak",
    "children__0__born": "2020-01-02",
}


@pytest.fixture
def citizen(client):
    user = create_user()
    client.force_login(user)
    return user


@pytest.fixture
def draft(client, citizen) -> Application:
    service = create_service()
    response = client.post(reverse("services:start", args=[service.slug]))
    application = Application.objects.get(user=citizen)
    assert response.status_code == 302
    return application


def page_url(application, key):
    return reverse("services:page", args=[application.public_id, key])


def test_the_whole_journey_gives_one_application_with_a_reference(client, draft):
    response = client.get(reverse("services:resume", args=[draft.public_id]))
    assert response.url == page_url(draft, "about")
    response = client.post(page_url(draft, "about"), ABOUT)
    assert response.url == page_url(draft, "children")  # the spouse page is skipped
    draft.refresh_from_db()
    assert draft.answers["phone"] == "+85512345678"  # saved at once, normalised
    response = client.post(page_url(draft, "children"), CHILDREN)
    assert response.url == page_url(draft, "documents")
    photo = SimpleUploadedFile("me.png", PNG, content_type="image/png")
    response = client.post(page_url(draft, "documents"), {"photo": photo})
    assert response.url == reverse("services:resume", args=[draft.public_id])
    check = client.get(reverse("services:check", args=[draft.public_id]))
    assert check.status_code == 200
    assert "Sok Dara" in check.content.decode()
    assert "me.png" in check.content.decode()
    submit_url = reverse("services:check", args=[draft.public_id])
    first = client.post(submit_url, {"declaration": "yes"})
    second = client.post(submit_url, {"declaration": "yes"})  # a double click
    assert first.url == second.url == reverse("services:submitted", args=[draft.public_id])
    draft.refresh_from_db()
    assert Application.objects.count() == 1
    assert is_valid_reference(draft.reference)
    assert draft.reference in client.get(first.url).content.decode()


def test_a_page_that_fails_validation_keeps_every_answer(client, draft):
    response = client.post(page_url(draft, "about"), {**ABOUT, "phone": "12"})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in body
    assert 'value="Sok Dara"' in body and 'value="សុខ ដារា"' in body
    assert 'value="12"' in body


def test_a_good_upload_is_kept_when_the_page_fails_for_another_reason(client, citizen):
    form = definition()
    form["pages"][-1]["fields"].append(
        {"key": "taken_on", "type": "date", "label": {"km": "ថ្ងៃថត", "en": "Taken on"}}
    )
    service = create_service(form=form)
    client.post(reverse("services:start", args=[service.slug]))
    draft = Application.objects.get(user=citizen)
    photo = SimpleUploadedFile("me.png", PNG, content_type="image/png")
    refused = client.post(page_url(draft, "documents"), {"photo": photo, "taken_on": "soon"})
    body = refused.content.decode()
    assert refused.status_code == 200 and 'class="error-summary"' in body
    assert "me.png" in body  # shown as uploaded, not to be chosen again
    assert 'value="soon"' in body
    draft.refresh_from_db()
    assert [a.original_name for a in draft.attachments.all()] == ["me.png"]
    response = client.post(page_url(draft, "documents"), {"taken_on": "2026-01-02"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.answers["photo"] == [str(draft.attachments.get().public_id)]


def test_a_wrong_type_of_file_is_refused_with_what_is_allowed(client, draft):
    fake = SimpleUploadedFile("photo.png", PDF, content_type="image/png")  # a PDF named .png
    response = client.post(page_url(draft, "documents"), {"photo": fake})
    body = response.content.decode()
    assert "is not an allowed file" in body and "PNG, JPEG" in body
    assert not draft.attachments.exists()


def test_a_file_too_large_is_refused_with_the_limit(client, draft):
    big = SimpleUploadedFile("big.png", PNG + b"\0" * (1024 * 1024), content_type="image/png")
    response = client.post(page_url(draft, "documents"), {"photo": big})
    assert "Choose a file of 1 MB or less" in response.content.decode()
    assert not draft.attachments.exists()


def test_a_tampered_field_for_a_hidden_question_is_ignored(client, draft):
    client.post(page_url(draft, "about"), ABOUT)
    client.post(page_url(draft, "children"), {**CHILDREN, "reason": "tampered"})
    draft.refresh_from_db()
    assert "reason" not in draft.answers


def test_a_page_whose_condition_does_not_hold_cannot_be_opened_or_posted(client, draft):
    client.post(page_url(draft, "about"), ABOUT)
    assert client.get(page_url(draft, "spouse")).status_code == 302
    client.post(page_url(draft, "spouse"), {"spouse_name": "tampered"})
    draft.refresh_from_db()
    assert "spouse_name" not in draft.answers


def test_skipping_pages_by_url_cannot_submit(client, draft):
    client.post(page_url(draft, "about"), ABOUT)
    response = client.post(
        reverse("services:check", args=[draft.public_id]), {"declaration": "yes"}
    )
    assert response.url == page_url(draft, "children")
    draft.refresh_from_db()
    assert draft.is_draft


def test_another_person_cannot_open_someone_elses_draft(client, draft):
    client.force_login(create_user("outsider"))
    assert client.get(page_url(draft, "about")).status_code == 404
    assert client.get(reverse("services:check", args=[draft.public_id])).status_code == 404


def test_adding_another_child_keeps_what_was_typed(client, draft):
    client.post(page_url(draft, "about"), ABOUT)
    response = client.post(page_url(draft, "children"), {**CHILDREN, "_add": "children"})
    body = response.content.decode()
    assert 'value="Vannak"' in body
    assert 'name="children__1__child_name"' in body
    draft.refresh_from_db()  # kept at once: leaving now loses nothing
    assert draft.answers["children"] == [{"child_name": "Vannak", "born": "2020-01-02"}]
    assert draft.answers["kind"] == "copy"


def test_removing_a_child_keeps_the_others_in_the_draft(client, draft):
    client.post(page_url(draft, "about"), ABOUT)
    two = {**CHILDREN, "children__count": "2", "children__1__child_name": "Sokha",
           "children__1__born": "2022-03-04"}  # fmt: skip
    response = client.post(page_url(draft, "children"), {**two, "_remove": "children:0"})
    assert 'value="Sokha"' in response.content.decode()
    draft.refresh_from_db()
    assert draft.answers["children"] == [{"child_name": "Sokha", "born": "2022-03-04"}]


def test_a_service_needing_a_verified_identity_refuses_an_unverified_person(client, citizen):
    service = create_service(requires_verified_identity=True)
    response = client.post(reverse("services:start", args=[service.slug]))
    assert response.url == service.get_absolute_url()
    assert not Application.objects.exists()
    citizen.identity_verified_at = timezone.now()
    citizen.save(update_fields=["identity_verified_at"])
    client.post(reverse("services:start", args=[service.slug]))
    assert Application.objects.filter(user=citizen).exists()


def test_your_applications_lists_drafts_to_resume_and_those_sent(client, draft):
    response = client.get(reverse("services:applications"))
    assert response.status_code == 301 and response.url == reverse("cases:my_cases")
    body = client.get(response.url).content.decode()
    assert "Continue this application" in body
    assert reverse("services:resume", args=[draft.public_id]) in body


def test_a_place_name_shared_by_several_villages_asks_which_one(client, draft):
    from geo.tests.factories import create_area, create_tree

    tree = create_tree()
    create_area("17100499", "Sla Kram", "ស្លក្រាម", tree.other_commune)
    form_definition = draft.form_version.definition
    form_definition["pages"][0]["fields"].append(
        {"key": "village", "type": "area", "label": {"km": "ភូមិ", "en": "Village"}}
    )
    draft.form_version.__class__.objects.filter(pk=draft.form_version.pk).update(
        definition=form_definition
    )
    response = client.post(page_url(draft, "about"), {**ABOUT, "village": "Sla Kram"})
    body = response.content.decode()
    assert "Several places are called “Sla Kram”" in body
    assert 'name="village__pick" id="id_village_pick_1" value="17100101"' in body
    client.post(
        page_url(draft, "about"), {**ABOUT, "village": "Sla Kram", "village__pick": "17100499"}
    )
    draft.refresh_from_db()
    assert draft.answers["village"] == "17100499"
