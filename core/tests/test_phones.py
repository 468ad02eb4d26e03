"""One phone-number parser for every form (issue 16, item 4)."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from accounts.forms import SignupForm
from cases.forms import CounterStartForm
from core.phones import MobileNumberField, national_format, normalise_mobile, normalise_phone

TYPED = [
    "012 345 678",
    "012345678",
    "012-345-678",
    "០១២ ៣៤៥ ៦៧៨",
    "០១២៣៤៥៦៧៨",
    "+855 12 345 678",
    "+85512345678",
    "00855 12 345 678",
    " 012 345 678 ",
]


@pytest.mark.parametrize("typed", TYPED)
def test_every_way_people_write_a_mobile_number_is_accepted(typed):
    assert normalise_mobile(typed) == "+85512345678"


@pytest.mark.parametrize("typed", ["023 880 880", "12345", "+66 81 234 5678", "abc", ""])
def test_other_numbers_are_refused_with_words_people_know(typed):
    with pytest.raises(ValidationError) as refused:
        normalise_mobile(typed)
    with translation.override("en"):
        message = str(refused.value.messages[0])
    assert message == "Enter a Cambodian mobile number, like 012 345 678 or +855 12 345 678."
    assert "E.164" not in message
    with translation.override("km"):
        khmer = str(refused.value.messages[0])
    assert "+855" in khmer and khmer != message


def test_a_desk_line_is_a_phone_number_but_not_a_mobile_one():
    assert normalise_phone("023 880 880") == "+85523880880"
    assert national_format("+85523880880") == "023 880 880"


class OneField(forms.Form):
    mobile = MobileNumberField()


@pytest.mark.parametrize("typed", TYPED)
def test_the_form_field_cleans_to_the_stored_form(typed):
    form = OneField({"mobile": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["mobile"] == "+85512345678"


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["012 345 678", "012345678", "០១២ ៣៤៥ ៦៧៨", "+85512345678"])
def test_the_counter_intake_takes_ordinary_numbers(typed):
    form = CounterStartForm({"name": "Sok Dara", "mobile": typed})
    form.is_valid()
    assert "mobile" not in form.errors
    assert form.cleaned_data["mobile"] == "+85512345678"


@pytest.mark.django_db
def test_the_counter_intake_explains_a_wrong_number_without_jargon():
    with translation.override("en"):
        form = CounterStartForm({"name": "Sok Dara", "mobile": "12345"})
        form.is_valid()
        errors = [str(error) for error in form.errors["mobile"]]
        help_text = str(form.fields["mobile"].help_text)
    assert errors == ["Enter a Cambodian mobile number, like 012 345 678 or +855 12 345 678."]
    assert "E.164" not in help_text


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["012 345 678", "០១២៣៤៥៦៧៨"])
def test_sign_up_takes_the_same_numbers(typed):
    password = "a-long-pass-42x"
    form = SignupForm({"phone": typed, "password1": password, "password2": password})
    form.is_valid()
    assert "phone" not in form.errors
    assert form.cleaned_data["phone"] == "+85512345678"
