from __future__ import annotations

import pytest
from django.urls import reverse

from geo.places import SESSION_KEY
from geo.tests.factories import create_facility, create_tree
from services.models import LifeEvent, Service, Topic
from services.tests.factories import create_institution, create_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    family = Topic.objects.create(slug="family", name_km="គ្រួសារ", name_en="Family")
    business = Topic.objects.create(slug="business", name_km="អាជីវកម្ម", name_en="Business")
    baby = LifeEvent.objects.create(
        slug="having-a-baby", name_km="ការមានកូន", name_en="Having a baby"
    )
    birth = create_service()
    birth.topics.add(family)
    birth.life_events.add(baby)
    company = create_service(
        "business-registration", name_en="Business registration", name_km="ការចុះបញ្ជីពាណិជ្ជកម្ម",
        institution=create_institution("moc"), for_citizens=False, for_businesses=True,
        processing_level="ministry", form=False,
    )  # fmt: skip
    company.topics.add(business)
    create_service("secret", name_en="Not yet published", status=Service.Status.DRAFT, form=False)
    return birth, company


def names(response) -> list[str]:
    return [s.name_en for s in response.context["services"]]


def test_the_catalogue_lists_published_services_only(client, catalogue):
    assert names(client.get(reverse("services:catalogue"))) == [
        "Birth registration",
        "Business registration",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=family", ["Birth registration"]),
        ("life_event=having-a-baby", ["Birth registration"]),
        ("audience=businesses", ["Business registration"]),
        ("institution=moc", ["Business registration"]),
        ("q=business", ["Business registration"]),
        ("topic=nonsense&audience=robots", ["Birth registration", "Business registration"]),
    ],
)
def test_the_catalogue_is_browsable_by_topic_event_audience_and_institution(
    client, catalogue, query, expected
):
    assert names(client.get(reverse("services:catalogue") + "?" + query)) == expected


def test_a_draft_service_has_no_page(client, catalogue):
    assert client.get(reverse("services:service", args=["secret"])).status_code == 404


def test_the_start_page_says_what_how_long_how_much_and_where(client, catalogue):
    birth, _company = catalogue
    birth.sla_working_days = 3
    birth.documents_en = "Birth notice\nParents' ID cards"
    birth.save()
    body = client.get(birth.get_absolute_url()).content.decode()
    assert "3 working days" in body
    assert "Free" in body
    assert "<li>Parents&#x27; ID cards</li>" in body
    assert "Start now" in body


def test_the_start_page_names_the_office_for_the_visitors_area(client, catalogue):
    birth, _company = catalogue
    tree = create_tree()
    hall = create_facility(tree.commune, "commune-hall")
    session = client.session
    session[SESSION_KEY] = tree.village.code
    session.save()
    response = client.get(birth.get_absolute_url())
    assert response.context["offices"] == [hall]
    assert hall.name_en in response.content.decode()


def test_the_start_page_is_in_khmer_too(client, catalogue):
    birth, _company = catalogue
    body = client.get(f"/km/services/{birth.slug}/").content.decode()
    assert "ការចុះសំបុត្រកំណើត" in body
    assert "ចាប់ផ្តើមឥឡូវនេះ" in body


def test_a_long_catalogue_comes_in_pages_of_twelve(client, catalogue):
    for number in range(25):
        create_service(f"service-{number:02d}", name_en=f"Service {number:02d}", form=False)
    first = client.get(reverse("services:catalogue"))
    assert len(names(first)) == 12
    assert "27 services" in first.content.decode()
    assert len(names(client.get(reverse("services:catalogue") + "?page=2"))) == 12
    assert len(names(client.get(reverse("services:catalogue") + "?page=3"))) == 3
    assert len(names(client.get(reverse("services:catalogue") + "?page=nonsense"))) == 12
