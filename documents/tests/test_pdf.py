"""The PDF: Khmer shaped (checked on the rendered page), text extractable, QR present."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops

from documents.actual_text import shaped_clusters
from documents.models import DocumentTemplate
from documents.pdf import DocumentPDF, render_pdf
from documents.tests.factories import HOLDER_KM, issue
from geo.tests.factories import create_facility, create_tree

pytestmark = pytest.mark.django_db

RESULTS = "test-results/documents"


def page_image(pdf_bytes: bytes, scale: float = 2) -> Image.Image:
    document = pdfium.PdfDocument(pdf_bytes)
    return document[0].render(scale=scale).to_pil().convert("L")


def page_text(pdf_bytes: bytes) -> str:
    document = pdfium.PdfDocument(pdf_bytes)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def ink_box(image: Image.Image) -> tuple[int, int, int, int] | None:
    """Return the bounding box of everything darker than the paper."""
    return image.point(lambda value: 255 if value < 200 else 0).getbbox()


def one_line(text: str, *, shaped: bool) -> Image.Image:
    pdf = DocumentPDF()
    pdf.set_text_shaping(shaped)
    pdf.add_page()
    pdf.write_line(text, size=40)
    return page_image(bytes(pdf.output()))


@pytest.fixture
def document():
    office = create_facility(create_tree().commune, "commune-hall")
    return issue(office=office)


def stored_pdf(document, storage) -> bytes:
    with storage.open(document.pdf_name) as handle:
        return handle.read()


def test_the_pdf_text_holds_the_code_the_khmer_holder_and_the_verification_address(
    document, documents_settings
):
    text = page_text(stored_pdf(document, documents_settings))
    assert document.display_code in text
    assert HOLDER_KM in text
    assert "SOK DARA" in text
    assert "https://sala.example.gov.kh/verify/" in text
    assert "Birth certificate" in text


def test_a_coeng_cluster_is_stacked_not_laid_side_by_side():
    # ស្ត្រី: the subscript forms of ត and រ go under and before ស instead of beside it.
    shaped = ink_box(one_line("ស្ត្រី", shaped=True))
    unshaped = ink_box(one_line("ស្ត្រី", shaped=False))
    assert shaped and unshaped
    shaped_width, unshaped_width = shaped[2] - shaped[0], unshaped[2] - unshaped[0]
    assert shaped_width < unshaped_width * 0.75


def test_the_document_page_is_rendered_with_shaped_khmer(document, monkeypatch):
    template = DocumentTemplate.objects.get(key=document.template_key)
    shaped_page = page_image(render_pdf(document, template))
    Path(RESULTS).mkdir(parents=True, exist_ok=True)
    shaped_page.save(Path(RESULTS) / "birth-certificate-page-1.png")
    monkeypatch.setattr(DocumentPDF, "set_text_shaping", lambda self, *args, **kwargs: None)
    unshaped_page = page_image(render_pdf(document, template))
    # The title band: shaping joins the title's clusters, so the centred line is narrower.
    band = (0, 370, shaped_page.width, 455)  # the Khmer title, at 2 px a point
    shaped_page.crop(band).save(Path(RESULTS) / "title-band.png")
    shaped_title = ink_box(shaped_page.crop(band))
    unshaped_title = ink_box(unshaped_page.crop(band))
    assert shaped_title and unshaped_title
    assert (shaped_title[2] - shaped_title[0]) < (unshaped_title[2] - unshaped_title[0])
    assert ImageChops.difference(shaped_page, unshaped_page).getbbox() is not None


def test_the_page_carries_the_qr_code_and_the_seal(document, documents_settings):
    pdf = pdfium.PdfDocument(stored_pdf(document, documents_settings))
    kinds = [obj.type for obj in pdf[0].get_objects()]
    assert pdfium.raw.FPDF_PAGEOBJ_IMAGE in kinds  # the QR code
    assert pdfium.raw.FPDF_PAGEOBJ_PATH in kinds  # the seal's rings and the rules


# Real names and addresses with subscripts (coeng), pre-base and two-part vowels and
# marks above and below: the clusters that text extraction used to split and reorder.
WRITTEN_KM = [
    ("ឈ្មោះ", "Name", "ស្រីពៅ", "SREY POV"),
    ("ស្ថាប័ន", "Institution", "ក្រសួងមហាផ្ទៃ", "Ministry of Interior"),
    ("ខេត្ត", "Province", "ខេត្តព្រះសីហនុ", "Preah Sihanouk"),
    ("ឃុំ", "Commune", "ឃុំស្វាយជ្រំ", "Svay Chrum"),
    ("ភូមិ", "Village", "ភូមិត្រពាំងឈូក", "Trapeang Chhuk"),
    ("ឪពុក", "Father", "កែវ សុផល", "KEO SOPHAL"),
    ("អាសយដ្ឋាន", "Address", "ឃុំស្វាយជ្រំ ខេត្តព្រះសីហនុ", "Svay Chrum, Preah Sihanouk"),
    ("ហាង", "Shop", "ហាងកាហ្វេ Sok Dara", "Sok Dara Coffee"),
]


def test_an_issued_certificate_gives_its_khmer_back_as_written(documents_settings):
    facts = [
        {"label_km": label_km, "label_en": label_en, "value_km": value_km, "value_en": value_en}
        for label_km, label_en, value_km, value_en in WRITTEN_KM
    ]
    document = issue(holder_name="ស្រីពៅ", facts=facts)
    text = page_text(stored_pdf(document, documents_settings))
    written = [value for row in WRITTEN_KM for value in (row[0], row[2])]
    written += ["សំបុត្របញ្ជាក់កំណើត", "ព្រះរាជាណាចក្រកម្ពុជា", "ផ្ទៀងផ្ទាត់ឯកសារនេះ"]
    assert [value for value in written if value not in text] == []
    assert "SREY POV" in text  # Latin keeps its plain mapping


def test_a_syllable_and_its_marks_are_one_cluster_with_its_source_text():
    pdf = DocumentPDF()
    pdf.set_font("khmer", "", 12)
    clusters = shaped_clusters(pdf.current_font, "ឃុំស្វាយ", 12, None)
    assert [cluster.text for cluster in clusters] == ["ឃុំ", "ស្វា", "យ"]
    assert [cluster.needs_actual_text for cluster in clusters] == [True, True, False]
