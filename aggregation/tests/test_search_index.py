from __future__ import annotations

import pytest

from aggregation.models import Item
from aggregation.tests.factories import create_item
from search.indexing import do_rebuild

pytestmark = pytest.mark.django_db


def test_a_published_item_is_found_in_its_language_and_links_to_its_page(client):
    item = create_item(title="Rice harvest festival in Takeo")
    create_item(title="Draft about the harvest", status=Item.Status.DRAFT)
    do_rebuild()
    response = client.get("/en/search/", {"q": "harvest"})
    assert f'href="/en/news/items/{item.pk}/"' in response.text
    assert "Draft about the harvest" not in response.text
