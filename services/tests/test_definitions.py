from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from services.definitions import (
    definition_errors,
    holds,
    pages_to_ask,
    parse_definition,
    visible_answers,
)
from services.models import FormVersion
from services.tests.factories import create_service, definition, text
from services.versions import do_publish_form_version


def test_the_sample_definition_is_sound():
    assert definition_errors(definition()) == []


def test_an_unknown_field_type_is_refused_with_the_reason():
    data = definition()
    data["pages"][0]["fields"][0]["type"] = "signature"
    [error] = definition_errors(data)
    assert "unknown field type 'signature'" in error
    assert "person_name" in error  # says which types exist


def test_duplicate_keys_are_refused():
    data = definition()
    data["pages"][1]["fields"][0]["key"] = "phone"
    data["pages"][2]["key"] = "about"
    errors = definition_errors(data)
    assert any("Two fields have the key “phone”" in e for e in errors)
    assert any("Two pages have the key “about”" in e for e in errors)


@pytest.mark.parametrize(
    ("condition", "reason"),
    [
        ({"field": "nowhere", "equals": True}, "not a field on an earlier page"),
        ({"field": "spouse_name", "equals": "x"}, "not a field on an earlier page"),  # later
        ({"field": "married", "bigger": 3}, "needs “field” and one of"),
        ({"all": "married"}, "needs a list of conditions"),
        ("married", "must be a JSON object"),
    ],
)
def test_broken_conditions_are_refused_with_the_reason(condition, reason):
    data = definition()
    data["pages"][0]["when"] = condition if condition != "married" else "married"
    data["pages"][1]["when"] = condition
    errors = definition_errors(data)
    assert any(reason in e for e in errors), errors


def test_texts_need_both_languages():
    data = definition()
    data["pages"][0]["fields"][1]["label"] = {"en": "Mobile"}
    assert any("Khmer and an English text" in e for e in definition_errors(data))


def test_saving_a_broken_definition_in_the_back_office_is_refused(db):
    service = create_service(form=False)
    data = definition()
    data["pages"][0]["fields"][0]["type"] = "signature"
    with pytest.raises(ValidationError) as error:
        FormVersion(service=service, number=1, definition=data).full_clean()
    assert "signature" in str(error.value)


def test_a_source_the_portal_does_not_know_is_refused_with_the_known_ones():
    data = definition()
    data["pages"][0]["fields"][0]["source"] = "account.full_name"
    data["pages"][0]["fields"][1]["source"] = "account.phone"  # known
    [error] = definition_errors(data)
    assert "unknown source 'account.full_name'" in error
    assert "account.name" in error and "population.date_of_birth" in error
    with translation.override("km"):
        [error] = definition_errors(data)
    assert "មិនស្គាល់ប្រភពទិន្នន័យ 'account.full_name'" in error


def test_publishing_a_form_with_an_unknown_source_is_refused(db):
    service = create_service(form=False)
    data = definition()
    data["pages"][0]["fields"][0]["source"] = "population.nickname"
    version = FormVersion.objects.create(service=service, number=1, definition=data)
    with pytest.raises(ValidationError) as error:
        do_publish_form_version(None, version)
    assert "unknown source 'population.nickname'" in str(error.value)
    version.refresh_from_db()
    assert version.status == FormVersion.Status.DRAFT


def test_a_published_version_never_changes(db):
    service = create_service()
    version = service.published_form()
    version.definition["pages"][0]["title"] = text("Changed")
    with pytest.raises(ValidationError):
        version.save()
    version.refresh_from_db()
    assert version.definition["pages"][0]["title"]["en"] == "About you"


def test_pages_and_fields_are_asked_only_when_their_conditions_hold():
    form = parse_definition(definition())
    single = {"married": False, "spouse_name": "left over", "reason": "left over"}
    assert [p.key for p in pages_to_ask(form, single)] == ["about", "children", "documents"]
    assert visible_answers(form, single) == {"married": False}
    married = {"married": True, "spouse_name": "Chan", "reason": "visa"}
    assert [p.key for p in pages_to_ask(form, married)] == [
        "about",
        "spouse",
        "children",
        "documents",
    ]
    assert visible_answers(form, married) == married


@pytest.mark.parametrize(
    ("condition", "answers", "expected"),
    [
        ({"field": "a", "in": ["x", "y"]}, {"a": "y"}, True),
        ({"field": "a", "contains": "x"}, {"a": ["x", "z"]}, True),
        ({"field": "a", "answered": True}, {"a": ""}, False),
        ({"not": {"field": "a", "equals": 1}}, {"a": 1}, False),
        ({"any": [{"field": "a", "equals": 1}, {"field": "b", "equals": 2}]}, {"b": 2}, True),
        ({"all": [{"field": "a", "equals": 1}, {"field": "b", "equals": 2}]}, {"b": 2}, False),
    ],
)
def test_conditions(condition, answers, expected):
    assert holds(condition, answers) is expected
