from __future__ import annotations

import pytest

from accounts.tests.factories import create_user
from geo.models import FacilityType
from geo.tests.factories import create_facility, create_tree
from services.routing import office_for_application
from services.tests.factories import create_application, create_institution, create_service

pytestmark = pytest.mark.django_db


def test_a_commune_level_service_goes_to_the_commune_hall_of_the_applicants_area():
    tree = create_tree()
    hall = create_facility(tree.commune, "commune-hall")
    create_facility(tree.other_commune, "commune-hall")
    application = create_application(create_user(), create_service(), area=tree.village)
    assert office_for_application(application) == hall


def test_a_district_level_service_goes_to_the_district_office():
    tree = create_tree()
    office = create_facility(tree.district, "district-office")
    create_facility(tree.commune, "commune-hall")
    service = create_service(processing_level="district")
    assert (
        office_for_application(create_application(create_user(), service, area=tree.village))
        == office
    )


def test_a_provincial_service_goes_to_the_department_of_its_institution():
    tree = create_tree()
    moc = create_institution("moc")
    create_facility(tree.province, "provincial-department", code="moi-dept",
                    institution=create_institution("moi"))  # fmt: skip
    commerce = create_facility(tree.province, "provincial-department", code="moc-dept",
                               institution=moc)  # fmt: skip
    service = create_service(processing_level="province", institution=moc)
    assert (
        office_for_application(create_application(create_user(), service, area=tree.village))
        == commerce
    )


def test_a_ministry_service_goes_to_the_ministry_and_no_office_means_the_national_queue():
    tree = create_tree()
    moc = create_institution("moc")
    service = create_service(processing_level="ministry", institution=moc)
    application = create_application(create_user(), service, area=tree.village)
    assert office_for_application(application) is None
    ministry = create_facility(tree.province, "ministry", code="ministry-moc", institution=moc)
    assert office_for_application(application) == ministry


def test_no_area_means_the_national_queue_and_a_service_may_name_its_office_type():
    tree = create_tree()
    school = create_facility(tree.commune, "school")
    service = create_service(handling_office_type=FacilityType.objects.get(code="school"))
    user = create_user()
    assert office_for_application(create_application(user, service)) is None
    assert office_for_application(create_application(user, service, area=tree.village)) == school
