"""The indexes of services and aggregation: services first when they match, news items in
their own language."""

from __future__ import annotations

import pytest

from aggregation.tests.factories import create_item
from search.engine import SearchRequest, run_search
from search.indexing import do_rebuild
from search.tests.corpus import build_corpus
from services.tests.factories import create_service

pytestmark = pytest.mark.django_db


def test_a_matching_service_comes_before_the_guide(django_capture_on_commit_callbacks):
    build_corpus()
    with django_capture_on_commit_callbacks(execute=True):
        create_service()  # "Birth registration", published
    results = run_search(SearchRequest("birth registration", "en"))
    assert results.hits[0].document.kind == "service"
    assert results.hits[0].document.title == "Birth registration"
    assert results.kinds[0].key == "service"  # the facet lists services first
    khmer = run_search(SearchRequest("សំបុត្រកំណើត", "km"))
    assert khmer.hits[0].document.kind == "service"


def test_a_draft_service_is_not_found():
    from services.models import Service

    create_service(status=Service.Status.DRAFT, form=False)
    do_rebuild()
    assert not run_search(SearchRequest("birth registration", "en")).hits


def test_news_items_from_sources_are_found_in_their_language():
    create_item(title="ការបើកផ្លូវថ្មីនៅខេត្តកំពត", language="km", summary="ផ្លូវជាតិលេខ៣")
    do_rebuild()
    results = run_search(SearchRequest("Kampot", "km"))
    assert results.hits[0].document.title == "ការបើកផ្លូវថ្មីនៅខេត្តកំពត"
    assert results.hits[0].document.kind == "news"
