from __future__ import annotations

import pytest

from demo.service_forms import FORMS
from demo.services import load_demo
from services.definitions import definition_errors
from services.models import FormVersion, Service
from services.tests.conftest import attachments_root, english  # noqa: F401 - autouse

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


def test_every_demo_service_applied_for_on_sala_has_an_office_to_go_to():
    """No demo application lands in the national queue for want of a demo office."""
    from demo.places import load_demo_places
    from geo.tests.factories import create_area, create_tree
    from services.routing import office_for_service

    tree = create_tree()
    create_area("12", "Phnom Penh", "រាជធានីភ្នំពេញ")  # where the ministries are
    load_demo_places()
    load_demo()
    applied_here = Service.objects.exclude(channel=Service.Channel.EXTERNAL)
    assert applied_here.count() >= 25
    homeless = [s.slug for s in applied_here if office_for_service(s, tree.village) is None]
    assert homeless == []
