from __future__ import annotations

import pytest

from services.definitions import definition_errors
from services.demo import load_demo
from services.demo_forms import FORMS
from services.models import FormVersion, Service

pytestmark = pytest.mark.django_db

SLUGS = (
    "birth-registration marriage-registration death-registration family-book residence-book "
    "national-id-card certificate-of-residence business-registration patent-tax "
    "construction-permit motorbike-registration driving-licence passport-appointment "
    "land-title-transfer school-enrolment scholarship-application"
).split()


@pytest.mark.parametrize("slug", sorted(FORMS))
def test_every_demo_form_is_a_sound_definition(slug):
    assert definition_errors(FORMS[slug]) == []


def test_the_demo_catalogue_loads_once_and_again_changes_nothing():
    first = load_demo()
    assert first.services >= 30 and first.forms >= 10
    assert first.new_versions == first.forms
    second = load_demo()
    assert second.new_versions == 0
    assert Service.objects.published().count() == first.services
    assert set(SLUGS) <= set(Service.objects.values_list("slug", flat=True))
    assert FormVersion.objects.count() == first.forms
    for service in Service.objects.all():
        assert service.name_km and service.name_en and service.summary_km and service.summary_en
        service.full_clean()
