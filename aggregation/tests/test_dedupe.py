"""Deduplication: the same story shows once however it arrives; different stories stay."""

from __future__ import annotations

import pytest
from django.utils import timezone

from aggregation.ingesting import store_entries
from aggregation.models import Item
from aggregation.normalising import canonical_url, story_address
from aggregation.parsing import Entry
from aggregation.tests.factories import create_source

pytestmark = pytest.mark.django_db

KHMER = (
    "ក្រសួងសុខាភិបាលប្រកាសថា មណ្ឌលសុខភាពទាំងអស់នៅខេត្តកំពតនឹងចាក់វ៉ាក់សាំងការពារជំងឺកញ្ជ្រិល"
    "ដោយឥតគិតថ្លៃជូនកុមារអាយុក្រោមប្រាំឆ្នាំ ចាប់ពីថ្ងៃច័ន្ទដល់ថ្ងៃសុក្រ។"
)


def entry(guid: str, title: str, text: str, link: str = "") -> Entry:
    return Entry(guid=guid, title=title, link=link, content_html=f"<p>{text}</p>",
                 published=timezone.now())  # fmt: skip


def test_a_khmer_story_republished_with_small_edits_and_a_new_guid_shows_once():
    source = create_source()
    edited = KHMER.replace("ថ្ងៃសុក្រ", "ថ្ងៃសៅរ៍")
    report = store_entries(source, [
        entry("a", "ការចាក់វ៉ាក់សាំងនៅកំពត", KHMER),
        entry("b", "ការចាក់វ៉ាក់សាំងនៅកំពត (កែប្រែ)", edited),
    ])  # fmt: skip
    assert report.counts == {"new": 1, "duplicate": 1}


def test_the_same_address_with_tracking_parameters_is_one_story():
    first, second = create_source(), create_source(name_en="Other")
    store_entries(first, [entry("1", "Story", "One text.", "https://moh.gov.kh/a?id=3")])
    report = store_entries(
        second,
        [
            entry(
                "2",
                "Story again",
                "Another text entirely.",
                "http://MOH.gov.kh/a/?utm_source=fb&id=3#top",
            )
        ],
    )
    assert report.counts == {"duplicate": 1}


def test_different_stories_about_the_same_place_are_kept():
    source = create_source()
    other = "មន្ទីរពេទ្យបង្អែកខេត្តកំពតបើកផ្នែកសម្ភពថ្មី ដែលមានគ្រែចំនួនម្ភៃ និងបន្ទប់វះកាត់ពីរ។"
    report = store_entries(source, [
        entry("a", "ការចាក់វ៉ាក់សាំងនៅកំពត", KHMER),
        entry("b", "ផ្នែកសម្ភពថ្មីនៅកំពត", other),
    ])  # fmt: skip
    assert report.counts == {"new": 2}
    assert Item.objects.count() == 2


def test_canonical_addresses():
    assert canonical_url("HTTP://Example.gov.kh:80/a/b/?b=2&a=1&utm_medium=x#frag") == (
        "https://example.gov.kh/a/b?a=1&b=2"
    )
    assert canonical_url("javascript:alert(1)") == ""


def test_the_two_language_versions_of_a_story_share_its_story_address():
    khmer = story_address("https://moh.gov.kh/km/news/measles-kampot")
    assert khmer == story_address("https://moh.gov.kh/en/news/measles-kampot/")
    assert khmer == "https://moh.gov.kh/news/measles-kampot"
    assert story_address("http://en.mef.gov.kh/news?id=3&lang=en") == (
        story_address("https://km.mef.gov.kh/news?lang=km&id=3")
    )
    assert story_address("https://moh.gov.kh/en/news/a") != story_address(
        "https://moh.gov.kh/km/news/b"
    )
    assert story_address("https://moh.gov.kh/en/") == ""  # a home page is no story
    assert story_address("") == ""
