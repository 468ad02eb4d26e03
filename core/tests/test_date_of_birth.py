"""The date of birth as day, month and year: Khmer digits and month names, clear refusals."""

from __future__ import annotations

import datetime

import pytest
from django import forms
from django.utils import translation
from freezegun import freeze_time

from core.forms import DateOfBirthField


class BornForm(forms.Form):
    born = DateOfBirthField(label="Date of birth", required=False)


def parts(day: str, month: str, year: str) -> dict[str, str]:
    return {"born_day": day, "born_month": month, "born_year": year}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (parts("17", "4", "1990"), datetime.date(1990, 4, 17)),
        (parts("១៧", "4", "១៩៩០"), datetime.date(1990, 4, 17)),  # Khmer digits
        (parts(" 7 ", "12", "2001"), datetime.date(2001, 12, 7)),
        ({"born": "1990-04-17"}, datetime.date(1990, 4, 17)),  # one ISO date still works
        (parts("", "", ""), None),
    ],
)
def test_a_date_of_birth_is_read_from_its_three_parts(typed, expected):
    form = BornForm(typed)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["born"] == expected


@freeze_time("2026-12-07")
@pytest.mark.parametrize(
    ("language", "typed", "message"),
    [
        ("en", parts("31", "2", "1990"), "There is no such date"),
        ("km", parts("៣១", "2", "១៩៩០"), "គ្មានកាលបរិច្ឆេទនេះទេ"),
        ("en", parts("8", "12", "2026"), "A date of birth cannot be in the future."),
        ("km", parts("8", "12", "2026"), "ថ្ងៃខែឆ្នាំកំណើតមិនអាចនៅពេលអនាគតបានទេ។"),
        ("en", parts("17", "", "1990"), "Enter the day, the month and the year of birth"),
        ("en", parts("17", "4", "90"), "Enter the year with four digits"),
        ("en", parts("x", "4", "1990"), "Write the day and the year in digits"),
        ("en", parts("1", "1", "1899"), "after 1 January 1900"),
    ],
)
def test_an_impossible_or_future_date_is_refused_and_what_was_typed_is_kept(
    language, typed, message
):
    with translation.override(language):
        form = BornForm(typed)
        assert not form.is_valid()
        assert message in form.errors["born"][0]
        html = str(form["born"])
    assert f'value="{typed["born_day"]}"' in html or not typed["born_day"]
    assert f'value="{typed["born_year"]}"' in html


@pytest.mark.parametrize(
    ("language", "month", "day_label", "shown_day"),
    [("km", "មេសា", "ថ្ងៃ", "១៧"), ("en", "April", "Day", "17")],
)
def test_it_renders_labelled_parts_with_month_names_in_the_page_language(
    language, month, day_label, shown_day
):
    with translation.override(language):
        html = str(BornForm(initial={"born": datetime.date(1990, 4, 17)})["born"])
    assert f'<option value="4" selected>{month}</option>' in html
    assert f'<label class="label date-input__label" for="id_born_0">{day_label}</label>' in html
    assert f'value="{shown_day}"' in html
    assert html.count('inputmode="numeric"') == 2
    assert 'type="date"' not in html
    assert BornForm()["born"].use_fieldset
