"""The sign-up page after a national digital-ID sign-in is the plain sign-up page with its
own introduction and address (accounts/templates/socialaccount/signup.html extends it)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation


class DetailsForm(forms.Form):
    email = forms.EmailField(label="Email")


def render(template: str, **context) -> str:
    request = RequestFactory().get("/en/account/signup/")
    request.user = AnonymousUser()
    request.session = SessionStore()
    with translation.override("en"):
        return render_to_string(template, {"form": DetailsForm(), **context}, request=request)


@pytest.mark.django_db
def test_the_id_sign_up_names_the_provider_and_posts_to_its_own_address():
    provider = SimpleNamespace(get_provider=SimpleNamespace(name="CamDigiKey"))
    with translation.override("en"):
        action = reverse("socialaccount_signup")
    page = render("socialaccount/signup.html", account=provider)
    assert "CamDigiKey has confirmed who you are." in page
    assert f'action="{action}"' in page
    assert "<h1>Create an account</h1>" in page
    assert "Already have an account?" not in page
    assert "Give your mobile number" not in page


@pytest.mark.django_db
def test_the_plain_sign_up_asks_for_a_number_or_an_address_and_offers_sign_in():
    with translation.override("en"):
        action = reverse("account_signup")
    page = render("account/signup.html", login_url="/en/account/sign-in/")
    assert "Give your mobile number, your email address, or both." in page
    assert f'action="{action}"' in page
    assert "Already have an account?" in page
