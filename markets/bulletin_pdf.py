"""The weekly bulletin as a PDF to download (not a signed document): the documents app's
page with its shaped Khmer fonts, Khmer first and English beneath."""

from __future__ import annotations

from django.utils import translation

from core.formatting import format_date, format_number
from documents.pdf import LEFT, MUTED, RIGHT, RULE, DocumentPDF
from markets.bulletin import Bulletin
from markets.statistics import Change

COLUMNS = (LEFT, LEFT + 50, LEFT + 76, LEFT + 100, LEFT + 124)  # name, mean, week, year, level


def _percent(change: Change, language: str) -> str:
    if change.percent is None:
        return "-"
    return f"{'+' if change.percent > 0 else ''}{format_number(change.percent, language, 1)}%"


def _cell(pdf: DocumentPDF, column: int, top: float, text: str, **style) -> None:
    pdf.set_y(top)
    right = COLUMNS[column + 1] if column + 1 < len(COLUMNS) else RIGHT
    pdf.write_line(text, x=COLUMNS[column], width=right - COLUMNS[column] - 2, **style)


def render_bulletin_pdf(bulletin: Bulletin) -> bytes:
    province = bulletin.province
    pdf = DocumentPDF()
    pdf.set_title(f"Market price bulletin {province.name_en} {bulletin.iso_week}")
    pdf.add_page()
    start_km, end_km = format_date(bulletin.week, "km"), format_date(bulletin.week_end, "km")
    start_en, end_en = format_date(bulletin.week, "en"), format_date(bulletin.week_end, "en")
    pdf.write_line(f"ព្រឹត្តិបត្រតម្លៃទីផ្សារប្រចាំសប្តាហ៍ · {province.name_km}", size=16, bold=True)
    pdf.write_line(f"Weekly market price bulletin, {province.name_en}", size=10, latin=True,
                   color=MUTED)  # fmt: skip
    pdf.write_line(f"{start_km} - {end_km}", size=10.5)
    pdf.write_line(f"{start_en} - {end_en} ({bulletin.iso_week})", size=8.5, latin=True,
                   color=MUTED)  # fmt: skip
    if bulletin.is_demo:
        pdf.write_line("ទិន្នន័យសាកល្បង មិនមែនតម្លៃពិតទេ · Demo data, not real prices", size=10,
                       bold=True)  # fmt: skip
    pdf.ln(3)
    top = pdf.get_y()
    headings = [("ទំនិញ", "Commodity"), ("មធ្យម (រៀល)", "Mean (riel)"),
                ("សប្តាហ៍មុន", "Last week"), ("ឆ្នាំមុន", "A year ago"),
                ("កម្រិត", "Spike level")]  # fmt: skip
    for column, (km, en) in enumerate(headings):
        _cell(pdf, column, top, km, size=9, bold=True)
        pdf.write_line(en, x=COLUMNS[column], size=7, latin=True, color=MUTED)
    pdf.set_y(top + 10)
    for line in bulletin.lines:
        pdf.set_draw_color(*RULE)
        pdf.line(LEFT, pdf.get_y(), RIGHT, pdf.get_y())
        top = pdf.get_y() + 1
        if top > 270:
            pdf.add_page()
            top = pdf.get_y()
        with translation.override("km"):
            level = str(line.spike.level.label)
        _cell(pdf, 0, top, line.commodity.name_km, size=10)
        bottom = pdf.get_y()
        _cell(pdf, 1, top, format_number(line.mean, "km"), size=10)
        _cell(pdf, 2, top, _percent(line.week_change, "km"), size=10)
        _cell(pdf, 3, top, _percent(line.year_change, "km"), size=10)
        _cell(pdf, 4, top, level, size=9)
        pdf.set_y(max(bottom, pdf.get_y()) + 1)
    return bytes(pdf.output())
