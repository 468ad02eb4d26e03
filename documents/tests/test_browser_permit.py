"""Issue 16, as a new user meets it: a permit checked at /verify/ by someone signed out
says which date is which and whether it is still in force; its holder signs in, downloads
the PDF, and the Khmer copied out of it reads as written. Khmer and English."""

from __future__ import annotations

from datetime import date

import pypdfium2 as pdfium
import pytest
from django.utils import timezone

from accounts.tests.factories import PASSWORD, create_user
from core.testing import (
    assert_no_axe_violations,
    assert_no_csp_violations,
    save_screenshots,
    sign_in,
)
from documents.tests.factories import issue
from documents.tests.test_validity import PERMITTED
from geo.tests.factories import create_facility, create_tree

pytestmark = pytest.mark.browser

WRITTEN = [
    {"label_km": "ឈ្មោះ", "label_en": "Name", "value_km": "ស្រីពៅ", "value_en": "SREY POV"},
    {
        "label_km": "អាសយដ្ឋាន",
        "label_en": "Address",
        "value_km": "ឃុំស្វាយជ្រំ ខេត្តព្រះសីហនុ",
        "value_en": "Svay Chrum, Preah Sihanouk",
    },
    PERMITTED,
]
LABELS = {
    "km": ("ចេញនៅថ្ងៃ", "មានសុពលភាពចាប់ពី", "មានសុពលភាពរហូតដល់", "ផុតសុពលភាព", "ទាញយកឯកសារ PDF"),
    "en": ("Issued on", "Valid from", "Valid until", "Expired", "Download the PDF"),
}


@pytest.fixture
def permits(live_server):
    office = create_facility(create_tree().commune, "district-office")
    holder = create_user("sreypov")
    today = timezone.localdate()
    valid = issue(
        office=office,
        holder=holder,
        holder_name="ស្រីពៅ",
        facts=WRITTEN,
        valid_from=today,
        valid_until=date(today.year + 1, 12, 31),
    )
    expired = issue(
        office=office,
        facts=[PERMITTED],
        issued_at=timezone.now().replace(year=today.year - 3),
        valid_from=date(today.year - 3, 1, 1),
        valid_until=date(today.year - 2, 12, 31),
    )
    return valid, expired


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_permit_is_checked_signed_out_and_its_holder_copies_the_khmer_as_written(
    page, permits, language
):
    valid, expired = permits
    issued_on, valid_from, valid_until, expired_word, download = LABELS[language]
    page.goto(f"/{language}/verify/")  # signed out, as anyone handed the paper
    page.fill("#id_code", valid.display_code)
    page.click("main form button[type=submit]")
    keys = page.locator("main .summary-list__key").all_inner_texts()
    assert [issued_on, valid_from, valid_until] == [
        key for key in keys if key in (issued_on, valid_from, valid_until)
    ]
    assert page.locator(".tag--green").count() == 1
    assert page.get_by_text(download).count() == 0  # only the holder may download
    assert_no_axe_violations(page)
    save_screenshots(page, f"documents-permit-valid-{language}")

    page.goto(f"/{language}/verify/{expired.code}/")
    assert page.locator(".tag--red").inner_text() == expired_word
    assert expired_word in page.locator(".notification-banner").inner_text()
    assert_no_axe_violations(page)
    assert_no_csp_violations(page)
    save_screenshots(page, f"documents-permit-expired-{language}")

    sign_in(page, "sreypov", PASSWORD, language=language)
    page.goto(f"/{language}/verify/{valid.code}/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name=download).click()
    pdf = pdfium.PdfDocument(download_info.value.path())
    text = "\n".join(pdf_page.get_textpage().get_text_range() for pdf_page in pdf)
    pdf.close()
    written = ["ស្រីពៅ", "ឃុំស្វាយជ្រំ ខេត្តព្រះសីហនុ", "សាងសង់ផ្ទះល្វែងពីរជាន់", "មានសុពលភាពចាប់ពីថ្ងៃទី"]
    assert [value for value in written if value not in text] == []
