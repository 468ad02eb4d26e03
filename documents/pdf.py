"""The PDF of an issued document: Khmer shaped by HarfBuzz, the seal, the QR code.

fpdf2 lays the text out and uharfbuzz shapes it (`set_text_shaping`), so coeng
subscripts, vowel signs and the like are placed as Khmer needs. The fonts are the
portal's own Noto Sans Khmer subsets (core/static/core/fonts, built by `make fonts`):
the Khmer file carries Khmer, digits and punctuation, the Latin file the Latin letters,
and fpdf2 falls back from one to the other inside a line. Nothing is fetched at run time.
Unpacking WOFF2 costs about a second, so each process converts the files to TrueType once,
into a folder of the system's temporary directory named by their contents.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import segno
from django.apps import apps
from django.conf import settings
from django.template import Context, Engine
from django.utils import timezone
from fontTools.ttLib import TTFont

from core.formatting import format_date
from documents.actual_text import ActualTextPDF
from documents.models import DocumentTemplate, IssuedDocument

INK = (20, 33, 61)
SEAL = (128, 24, 32)
MUTED = (80, 86, 99)
RULE = (200, 204, 212)
LEFT, RIGHT, WIDTH = 20, 190, 170
# The kingdom's heading that opens every official document.
KINGDOM_KM = "ព្រះរាជាណាចក្រកម្ពុជា"
MOTTO_KM = "ជាតិ  សាសនា  ព្រះមហាក្សត្រ"
KINGDOM_EN = "Kingdom of Cambodia · Nation Religion King"


def fonts_dir() -> Path:
    return Path(apps.get_app_config("core").path) / "static" / "core" / "fonts"


@cache
def truetype_fonts() -> dict[tuple[str, int], Path]:
    """Return the portal's font files as TrueType, by (subset, weight)."""
    sources = {
        (subset, weight): fonts_dir() / f"noto-sans-khmer-{subset}-{weight}.woff2"
        for subset in ("khmer", "latin")
        for weight in (400, 700)
    }
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in sources.values()))
    folder = Path(tempfile.gettempdir()) / f"sala-fonts-{digest.hexdigest()[:16]}"
    folder.mkdir(exist_ok=True)
    converted = {}
    for (subset, weight), source in sources.items():
        target = folder / f"{source.stem}.ttf"
        if not target.exists():
            font = TTFont(source)
            font.flavor = None
            partial = folder / f"{source.stem}.{os.getpid()}.tmp"
            font.save(partial)
            partial.replace(target)  # atomic: another process may be converting too
        converted[subset, weight] = target
    return converted


def verification_url(code: str) -> str:
    return f"{settings.SALA_SITE_URL}/verify/{code}"


class DocumentPDF(ActualTextPDF):
    def __init__(self) -> None:
        super().__init__(format="A4", unit="mm")
        fonts = truetype_fonts()
        for style, weight in (("", 400), ("B", 700)):
            self.add_font("khmer", style, fonts["khmer", weight])
            self.add_font("latin", style, fonts["latin", weight])
        self.set_fallback_fonts(["latin", "khmer"])
        self.set_text_shaping(True)
        self.set_margins(LEFT, 18, 210 - RIGHT)
        self.set_auto_page_break(True, margin=20)
        self.set_creator("Sala")

    def write_line(
        self,
        text: str,
        *,
        size: float,
        bold: bool = False,
        latin: bool = False,
        color: tuple[int, int, int] = INK,
        align: str = "L",
        x: float = LEFT,
        width: float = WIDTH,
        height: float | None = None,
    ) -> None:
        self.set_font("latin" if latin else "khmer", "B" if bold else "", size)
        self.set_text_color(*color)
        self.set_x(x)
        self.multi_cell(
            width, height or size * 0.62, text, align=align, new_x="LMARGIN", new_y="NEXT"
        )


def draw_seal(pdf: DocumentPDF, centre_x: float, centre_y: float, radius: float) -> None:
    """Draw the portal's seal: two rings, a ring of dots, its name in Khmer and English."""
    pdf.set_draw_color(*SEAL)
    pdf.set_line_width(0.9)
    pdf.circle(x=centre_x, y=centre_y, radius=radius)
    pdf.set_line_width(0.3)
    pdf.circle(x=centre_x, y=centre_y, radius=radius - 1.8)
    pdf.circle(x=centre_x, y=centre_y, radius=radius * 0.58)
    pdf.set_fill_color(*SEAL)
    dots = 24
    for index in range(dots):
        angle = 2 * math.pi * index / dots
        dot_x = centre_x + math.cos(angle) * radius * 0.79
        dot_y = centre_y + math.sin(angle) * radius * 0.79
        pdf.circle(x=dot_x, y=dot_y, radius=0.45, style="F")
    portal = settings.SALA_PORTAL_NAME
    pdf.set_xy(centre_x - radius, centre_y - 4.2)
    pdf.set_font("khmer", "B", 11)
    pdf.set_text_color(*SEAL)
    pdf.cell(radius * 2, 5, portal["km"], align="C")
    pdf.set_xy(centre_x - radius, centre_y + 0.6)
    pdf.set_font("latin", "B", 6)
    pdf.cell(radius * 2, 3, portal["en"].upper(), align="C")


def qr_png(url: str) -> io.BytesIO:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=8, border=0, dark="#14213d")
    out.seek(0)
    return out


def render_body(template_text: str, document: IssuedDocument, language: str) -> str:
    if not template_text.strip():
        return ""
    context = {
        "holder_name": document.holder_name,
        "office": document.issuer_name_km if language == "km" else document.issuer_name_en,
        "issued_on": issued_on(document, language),
        "valid_from": format_date(document.valid_from, language) if document.valid_from else "",
        "valid_until": (
            format_date(document.valid_until, language) if document.valid_until else ""
        ),
        "facts": {
            fact["key"]: fact[f"value_{language}"] for fact in document.facts if "key" in fact
        },
    }
    engine = Engine(autoescape=False)
    return engine.from_string(template_text).render(Context(context)).strip()


def issued_on(document: IssuedDocument, language: str) -> str:
    return format_date(timezone.localtime(document.issued_at).date(), language, "long")


def validity_lines(document: IssuedDocument) -> tuple[str, str] | None:
    """Return how long the document is in force, in Khmer and English, or None."""
    start, end = document.valid_from, document.valid_until
    if start and end:
        return (
            f"មានសុពលភាពចាប់ពីថ្ងៃទី {format_date(start, 'km')} ដល់ថ្ងៃទី {format_date(end, 'km')}",
            f"Valid from {format_date(start, 'en')} until {format_date(end, 'en')}",
        )
    if start:
        return (
            f"មានសុពលភាពចាប់ពីថ្ងៃទី {format_date(start, 'km')}",
            f"Valid from {format_date(start, 'en')}",
        )
    if end:
        return (
            f"មានសុពលភាពរហូតដល់ថ្ងៃទី {format_date(end, 'km')}",
            f"Valid until {format_date(end, 'en')}",
        )
    return None


def render_pdf(document: IssuedDocument, template: DocumentTemplate) -> bytes:
    """Return the document's PDF (one A4 page for a usual number of facts)."""
    pdf = DocumentPDF()
    pdf.set_title(f"{document.title_en} {document.display_code}")
    pdf.set_subject(document.title_km)
    pdf.add_page()
    draw_seal(pdf, LEFT + 14, 32, 14)
    pdf.set_y(18)
    pdf.write_line(KINGDOM_KM, size=14, bold=True, align="C", x=60, width=90)
    pdf.write_line(MOTTO_KM, size=11, align="C", x=60, width=90)
    pdf.write_line(KINGDOM_EN, size=8, latin=True, color=MUTED, align="C", x=60, width=90)
    pdf.set_y(50)
    pdf.write_line(document.issuer_name_km, size=10, bold=True)
    pdf.write_line(document.issuer_name_en, size=8, latin=True, color=MUTED)
    pdf.ln(6)
    pdf.write_line(document.title_km, size=20, bold=True, align="C", height=12)
    pdf.write_line(document.title_en, size=13, latin=True, color=MUTED, align="C")
    pdf.ln(5)
    _write_body(pdf, template, document)
    _write_facts(pdf, document.facts)
    pdf.ln(4)
    validity = validity_lines(document)
    if validity:
        pdf.write_line(validity[0], size=10.5, bold=True)
        pdf.write_line(validity[1], size=8.5, latin=True, color=MUTED)
        pdf.ln(2)
    pdf.write_line(f"ចុះថ្ងៃទី {issued_on(document, 'km')}", size=10.5)
    pdf.write_line(f"Issued on {issued_on(document, 'en')}", size=8.5, latin=True, color=MUTED)
    _write_verification(pdf, document)
    return bytes(pdf.output())


def _write_body(pdf: DocumentPDF, template: DocumentTemplate, document: IssuedDocument) -> None:
    body_km = render_body(template.body_km, document, "km")
    body_en = render_body(template.body_en, document, "en")
    if body_km:
        pdf.write_line(body_km, size=11, height=7.5)
    if body_en:
        pdf.write_line(body_en, size=9, latin=True, color=MUTED, height=5)
    if body_km or body_en:
        pdf.ln(4)


def _write_facts(pdf: DocumentPDF, facts: list[dict[str, Any]]) -> None:
    label_width, value_x = 62, LEFT + 66
    for fact in facts:
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.2)
        pdf.line(LEFT, pdf.get_y(), RIGHT, pdf.get_y())
        top = pdf.get_y() + 1.5
        pdf.set_y(top)
        pdf.write_line(fact["label_km"], size=10, color=MUTED, width=label_width)
        pdf.write_line(fact["label_en"], size=7.5, latin=True, color=MUTED, width=label_width)
        label_bottom = pdf.get_y()
        pdf.set_y(top)
        pdf.write_line(fact["value_km"], size=11, bold=True, x=value_x, width=RIGHT - value_x)
        if fact["value_en"] != fact["value_km"]:
            pdf.write_line(fact["value_en"], size=8.5, x=value_x, width=RIGHT - value_x)
        pdf.set_y(max(label_bottom, pdf.get_y()) + 1.5)
    pdf.line(LEFT, pdf.get_y(), RIGHT, pdf.get_y())


def _write_verification(pdf: DocumentPDF, document: IssuedDocument) -> None:
    """The foot of the page: where and how to verify, the QR code, the signing key."""
    size = 34
    top = max(pdf.get_y() + 8, 297 - 14 - 44)
    if top + 44 > 297 - 10:
        pdf.add_page()
        top = 30
    pdf.set_auto_page_break(False)
    url = verification_url(document.code)
    pdf.image(qr_png(url), x=RIGHT - size, y=top, w=size, h=size)
    pdf.set_draw_color(*RULE)
    pdf.line(LEFT, top - 4, RIGHT, top - 4)
    pdf.set_y(top)
    text_width = WIDTH - size - 6
    pdf.write_line("ផ្ទៀងផ្ទាត់ឯកសារនេះ", size=10, bold=True, width=text_width)
    pdf.write_line("Verify this document", size=8, latin=True, color=MUTED, width=text_width)
    pdf.write_line(
        "ស្កេនកូដ QR ឬបើកទំព័រខាងក្រោម ហើយវាយលេខកូដ។",
        size=9,
        width=text_width,
    )
    pdf.write_line(
        "Scan the QR code, or open the page below and type the code.",
        size=8,
        latin=True,
        color=MUTED,
        width=text_width,
    )
    pdf.write_line(f"{settings.SALA_SITE_URL}/verify/", size=8.5, latin=True, width=text_width)
    pdf.write_line(document.display_code, size=15, bold=True, latin=True, width=text_width)
    pdf.write_line(
        f"Ed25519 · {document.key_id}", size=7, latin=True, color=MUTED, width=text_width
    )
