"""Public courses are found by the portal's search; civil servants' courses are not."""

from __future__ import annotations

import pytest

from learning.models import Audience
from learning.tests.factories import create_course
from search.indexing import do_rebuild

pytestmark = pytest.mark.django_db


def test_a_public_course_is_found_in_both_languages(client):
    create_course()
    create_course(
        slug="for-officers", title_en="Using the portal safely at work",
        title_km="ការប្រើវិបផតថលនៅកន្លែងការងារ", audience=Audience.CIVIL_SERVANTS,
    )  # fmt: skip
    do_rebuild()
    english = client.get("/en/search/", {"q": "portal safely"})
    assert 'href="/en/learning/safe-online/"' in english.text
    assert "/en/learning/for-officers/" not in english.text
    khmer = client.get("/km/search/", {"q": "សុវត្ថិភាព"})
    assert 'href="/km/learning/safe-online/"' in khmer.text
