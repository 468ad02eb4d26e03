"""Safe Markdown: what a person writes is checked with a message in their language, the
HTML shown never carries a script or a picture from elsewhere, and nothing is lost."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from forums import writing

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "Hello <script>alert(1)</script>",
        "[click](javascript:alert(1))",
        '<a href="#" onclick="steal()">x</a>',
    ],
)
def test_a_script_is_refused_with_a_message_in_khmer_and_english(text):
    with translation.override("en"), pytest.raises(ValidationError) as english:
        writing.check(text)
    with translation.override("km"), pytest.raises(ValidationError) as khmer:
        writing.check(text)
    assert "cannot carry scripts" in english.value.messages[0]
    assert "ស្គ្រីប" in khmer.value.messages[0]


def test_a_picture_from_another_website_is_refused_but_a_link_to_it_is_fine():
    with translation.override("en"), pytest.raises(ValidationError) as error:
        writing.check("Look: ![the form](https://elsewhere.example/form.png)")
    assert "Pictures from other websites" in error.value.messages[0]
    assert writing.check("Look: [the form](https://elsewhere.example/form.png)")


def test_what_is_shown_has_no_script_and_no_picture_even_if_unchecked():
    html = writing.render(
        "<script>alert(1)</script>\n\n![x](https://elsewhere.example/x.png) **bold**"
    )
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert "<strong>bold</strong>" in html
    assert 'href="https://elsewhere.example/x.png"' in html


def test_khmer_text_and_lists_are_rendered():
    html = writing.render("សួស្តី **បងប្អូន**\n\n- ទីមួយ\n- ទីពីរ")
    assert "<strong>បងប្អូន</strong>" in html and "<li>ទីមួយ</li>" in html


def test_a_text_too_long_says_how_long_in_the_page_language():
    with translation.override("km"), pytest.raises(ValidationError) as error:
        writing.check("ក" * 12_000)
    assert "១០,០០០" in error.value.messages[0] and "១២,០០០" in error.value.messages[0]
