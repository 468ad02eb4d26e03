"""A commune page lists the offices that serve it, by level, and only links to ministries."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from geo.jurisdiction import do_set_jurisdiction
from geo.places import build_place_page
from geo.tests.factories import create_area, create_facility, create_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def served():
    tree = create_tree()
    capital = create_area("12", "Phnom Penh", "ភ្នំពេញ")
    ministries = [
        create_facility(capital, "ministry", code=f"ministry-{n}", name_en=f"Ministry {n}")
        for n in range(3)
    ]
    for ministry in ministries:
        do_set_jurisdiction(None, ministry, [tree.province, capital])
    elsewhere = create_area("1711", "Angkor Chum", "អង្គរជុំ", tree.province)
    far_commune = create_area("171101", "Char Chhuk", "ចារឈូក", elsewhere)
    offices = {
        "hall": create_facility(tree.commune, "commune-hall"),
        "police": create_facility(tree.commune, "police-station"),
        "school": create_facility(tree.village, "school"),  # in one of its villages
        "district": create_facility(tree.district, "district-office"),
        "department": create_facility(tree.province, "provincial-department"),
        "health": create_facility(tree.other_commune, "health-centre"),
        "other_hall": create_facility(tree.other_commune, "commune-hall"),
        "far_school": create_facility(far_commune, "school"),
    }
    # The neighbouring commune's health centre serves this commune too.
    do_set_jurisdiction(None, offices["health"], [tree.commune, tree.other_commune])
    return tree, offices, ministries


def test_a_commune_lists_what_serves_it_grouped_by_level_and_no_ministry(served):
    tree, offices, _ministries = served
    page = build_place_page(tree.commune)
    groups = {group.level: set(group.facilities) for group in page.serving_by_level}
    assert [group.level for group in page.serving_by_level] == [3, 2, 1]
    assert groups[3] == {offices[k] for k in ("hall", "police", "school", "health")}
    assert groups[2] == {offices["district"]}
    assert groups[1] == {offices["department"]}
    assert page.national_count == 3
    assert [g.area for g in page.serving_by_level] == [tree.commune, tree.district, tree.province]


@pytest.mark.parametrize(
    ("language", "link_text"),
    [("en", "The 3 ministries that serve the whole country"), ("km", "ក្រសួងទាំង ៣")],
)
def test_the_page_links_to_the_ministries_in_the_directory(client, served, language, link_text):
    tree, offices, ministries = served
    with translation.override(language):
        url = reverse("geo:place", args=[tree.commune.code])
    html = client.get(url).content.decode()
    assert link_text in html
    assert "?type=ministry" in html
    assert ministries[0].name_en not in html
    assert offices["other_hall"].name not in html.split('id="nearby-heading"')[0]
