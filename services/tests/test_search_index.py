from __future__ import annotations

import pytest

from search.indexing import do_rebuild
from services.models import Service
from services.tests.factories import create_service

pytestmark = pytest.mark.django_db


def test_a_published_service_is_found_in_both_languages_and_listed_as_a_service(client):
    create_service()
    do_rebuild()
    english = client.get("/en/search/", {"q": "birth registration"})
    assert 'href="/en/services/birth-registration/"' in english.text
    assert "Ministry of Interior" in english.text  # the institution facet
    khmer = client.get("/km/search/", {"q": "សំបុត្រកំណើត"})
    assert 'href="/km/services/birth-registration/"' in khmer.text


def test_a_draft_or_retired_service_is_not_found(client):
    create_service(slug="marriage-registration", name_en="Marriage registration", form=False)
    Service.objects.update(status=Service.Status.RETIRED)
    create_service(
        slug="death-registration",
        name_en="Death registration",
        status=Service.Status.DRAFT,
        form=False,
    )
    do_rebuild()
    response = client.get("/en/search/", {"q": "registration"})
    assert "/en/services/marriage-registration/" not in response.text
    assert "/en/services/death-registration/" not in response.text
