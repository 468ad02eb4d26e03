from __future__ import annotations

import pytest

from core.languages import language_switch_links, path_in_language


@pytest.mark.parametrize(
    ("path", "language", "expected"),
    [
        ("/km/", "en", "/en/"),
        ("/en/search/?q=clinic", "km", "/km/search/?q=clinic"),
        ("/km/place/12/", "km", "/km/place/12/"),
        ("/km", "en", "/en/"),
        ("/km?next=/x", "en", "/en/?next=/x"),
        ("/healthz", "en", "/en/healthz"),
    ],
)
def test_the_same_page_in_another_language_keeps_path_and_query(path, language, expected):
    assert path_in_language(path, language) == expected


def test_switch_links_name_each_language_in_itself_and_mark_the_current_one():
    links = language_switch_links("/km/search/?q=x", "km")
    assert [(link["name"], link["current"]) for link in links] == [
        ("ខ្មែរ", True),
        ("English", False),
    ]
    assert links[1]["url"] == "/en/search/?q=x"
