"""Issue 16, blocker 1: "Start now" pressed while signed out survives signing in. The
sign-in sends the person back with a GET, which starts the draft they asked for; a GET
nobody asked for only leads to the start page (no draft made by a link)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.tests.factories import PASSWORD, create_user
from services.models import Application
from services.tests.factories import create_service

pytestmark = pytest.mark.django_db


def test_start_now_signed_out_goes_to_sign_in_and_back_to_a_new_draft(client):
    service = create_service()
    start = reverse("services:start", args=[service.slug])
    response = client.post(start)
    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:sign_in')}?next={start}"
    user = create_user("dara")
    response = client.post(
        reverse("accounts:sign_in") + f"?next={start}",
        {"login": "dara", "password": PASSWORD, "next": start},
    )
    assert response.status_code == 302 and response.url == start
    response = client.get(start)
    application = Application.objects.get(user=user, service=service)
    assert response.url == reverse("services:resume", args=[application.public_id])


def test_a_get_on_start_without_pressing_start_now_makes_no_draft(client):
    service = create_service()
    client.force_login(create_user())
    response = client.get(reverse("services:start", args=[service.slug]))
    assert response.status_code == 302
    assert response.url == service.get_absolute_url()
    assert not Application.objects.exists()


def test_start_now_after_signing_in_goes_back_to_the_existing_draft(client):
    service = create_service()
    user = create_user()
    client.force_login(user)
    client.post(reverse("services:start", args=[service.slug]))
    draft = Application.objects.get(user=user)
    client.logout()
    start = reverse("services:start", args=[service.slug])
    client.post(start)
    client.force_login(user)  # keeps the anonymous session's data, as a real sign-in does
    response = client.get(start)
    assert response.url == reverse("services:resume", args=[draft.public_id])
    assert Application.objects.filter(user=user).count() == 1
