"""A stand-in for a ministry's own website, for the crawler (aggregation.crawling).

It serves what real government sites serve, good and bad: a robots.txt that closes
/private/ and names the sitemap, a sitemap, Khmer and English pages whose main text sits
between menus and footers, an English PDF report and a Khmer one, a page in a legacy
non-Unicode Khmer font, an endless calendar and links carrying session ids (traps), a
loop of relative links, a redirect on the site and one to another host, a page that is
gone (404), a 50 MB PDF, malformed HTML and pages with wrong or missing encodings.
Variants (`SiteState`) add failing or slow pages, a sitemap of 100,000 entries and
thousands of generated notices (the benchmark). Demo data: every page says so.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from standins.base import Handler, StandInServer, escape

DEMO_NOTE_KM = "នេះជាគេហទំព័រសាកល្បងសម្រាប់ការបង្ហាញ Sala ។"
DEMO_NOTE_EN = "This is a demo website for showing Sala."
HUGE_BYTES = 50 * 1024 * 1024

# slug -> (language, title, date, paragraphs)
ARTICLES: dict[str, tuple[str, str, str, list[str]]] = {
    "/km/news/national-road-5": (
        "km",
        "ការជួសជុលផ្លូវជាតិលេខ ៥ ក្នុងរដូវប្រាំង",
        "2026-11-20",
        [
            "ក្រសួងសាធារណការ និងដឹកជញ្ជូន ប្រកាសថា ការងារជួសជុលផ្លូវជាតិលេខ ៥ ចន្លោះខេត្ត"
            "កំពង់ឆ្នាំង និងខេត្តពោធិ៍សាត់ នឹងចាប់ផ្តើមនៅថ្ងៃទី ១៥ ខែធ្នូ។",
            "អ្នកបើកបរត្រូវបានស្នើសុំឱ្យប្រើផ្លូវបណ្តោះអាសន្ន បន្ថយល្បឿន និងគោរពស្លាកសញ្ញា"
            "ចរាចរណ៍ដែលក្រុមការងារបានដាក់នៅតាមផ្លូវ។",
            "ការងារនេះនឹងបញ្ចប់មុនរដូវវស្សាឆ្នាំក្រោយ ហើយនឹងធ្វើឱ្យការធ្វើដំណើររវាងរាជធានី"
            "ភ្នំពេញ និងខេត្តបាត់ដំបងមានសុវត្ថិភាពជាងមុន។",
        ],
    ),
    "/en/news/national-road-5": (
        "en",
        "Repairs to National Road 5 in the dry season",
        "2026-11-20",
        [
            "The Ministry of Public Works and Transport announces that repairs to National "
            "Road 5 between Kampong Chhnang and Pursat provinces begin on 15 December.",
            "Drivers are asked to use the temporary road, slow down and follow the traffic "
            "signs that the work crews have put up along the way.",
            "The work will be finished before next year's rainy season and will make the "
            "journey between Phnom Penh and Battambang safer.",
        ],
    ),
    "/km/news/driving-licence": (
        "km",
        "ការបន្តសុពលភាពប័ណ្ណបើកបរតាមអនឡាញ",
        "2026-12-01",
        [
            "ចាប់ពីខែមករា ប្រជាពលរដ្ឋអាចស្នើសុំបន្តសុពលភាពប័ណ្ណបើកបររបស់ខ្លួនតាមអនឡាញ ដោយមិនចាំបាច់ទៅការិយាល័យឡើយ។",
            "សូមរៀបចំអត្តសញ្ញាណប័ណ្ណ រូបថតថ្មី និងវិញ្ញាបនបត្រសុខភាពពីមន្ទីរពេទ្យមុនពេលចាប់ផ្តើមពាក្យស្នើសុំ។",
        ],
    ),
    "/en/news/driving-licence": (
        "en",
        "Renewing a driving licence online",
        "2026-12-01",
        [
            "From January, people can renew their driving licence online without going to "
            "an office.",
            "Have your identity card, a recent photograph and a health certificate from a "
            "hospital ready before you start the application.",
        ],
    ),
}
PDF_PATH = "/en/reports/road-safety-2026.pdf"
PDF_LINES = [
    "Road safety report 2026",
    "Ministry of Public Works and Transport (demo data)",
    "This year the ministry installed 120 kilometres of guardrails on national roads",
    "and painted new pedestrian crossings in front of 300 schools.",
]
KHMER_PDF_PATH = "/km/reports/road-safety-2026.pdf"
KHMER_PDF_LINES = [
    "របាយការណ៍សុវត្ថិភាពចរាចរណ៍ផ្លូវគោក ឆ្នាំ ២០២៦",
    "ក្រសួងសាធារណការ និងដឹកជញ្ជូន (ទិន្នន័យសាកល្បង)",
    "ឆ្នាំនេះ ក្រសួងបានដំឡើងរបាំងការពារសុវត្ថិភាពប្រវែង ១២០ គីឡូម៉ែត្រ នៅតាមផ្លូវជាតិ",
    "ហើយបានគូសផ្លូវថ្មើរជើងថ្មីនៅមុខសាលារៀនចំនួន ៣០០។",
]
# A notice typed in the Limon S1 font: Latin letters that only that font draws as Khmer.
LEGACY_TEXT = (
    "RksYgsaFarNkar nig dwkCBa¢Ún CUndMNwgdl;RbCaBlrdæTaMgGs;fa kareFVIdMeNIrtampøÚvCati "
    "elx 5 nwgRtUvbiTCabeNþaHGasnñ enAéf¶TI 15 ExFñÚ ."
)


@dataclass
class SiteState:
    """What the site serves and what it has been asked (`requests`, for the tests)."""

    crawl_delay: float = 0
    failing: set[str] = field(default_factory=set)  # paths that answer 500
    slow: dict[str, float] = field(default_factory=dict)  # path -> seconds before answering
    gone: set[str] = field(default_factory=set)  # paths that answer 404 from now on
    sitemap_entries: int = 0  # extra (made-up) sitemap entries: 100,000 for the huge one
    notices: int = 0  # generated English notices, all in the sitemap (the benchmark)
    requests: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def asked(self, path: str) -> int:
        with self.lock:
            return sum(1 for p in self.requests if p.split("?")[0] == path)


def chrome(language: str, title: str, main: str) -> bytes:
    """Return a page with the menus, sidebar and footer a real ministry site has around
    its main text."""
    note = DEMO_NOTE_KM if language == "km" else DEMO_NOTE_EN
    ministry = (
        "ក្រសួងសាធារណការ និងដឹកជញ្ជូន" if language == "km" else ("Ministry of Public Works and Transport")
    )
    return f"""<!doctype html>
<html lang="{language}"><head><meta charset="utf-8"><title>{escape(title)}</title></head>
<body><header><a href="/{language}/">{ministry}</a>
<nav><ul><li><a href="/km/">ខ្មែរ</a></li><li><a href="/en/">English</a></li>
<li><a href="/{language}/news/national-road-5">Road works</a></li>
<li><a href="/calendar?month=2026-12">Calendar of events</a></li>
<li><a href="/private/staff">Staff only</a></li></ul></nav></header>
<main>{main}</main>
<aside><h2>Contact</h2><p>Phone 023 000 000. Opening hours 8:00 to 17:00.</p></aside>
<footer><p>{note}</p><p>Copyright 2026. All rights reserved. Privacy. Sitemap.</p></footer>
</body></html>""".encode()


def article_page(path: str) -> bytes:
    language, title, date, paragraphs = ARTICLES[path]
    other = path.replace(f"/{language}/", "/en/" if language == "km" else "/km/")
    text = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    main = (
        f'<article><h1>{escape(title)}</h1><time datetime="{date}">{date}</time>{text}'
        f'<p><a href="{other}">{"English" if language == "km" else "ខ្មែរ"}</a></p></article>'
    )
    return chrome(language, title, main)


def home_page(language: str) -> bytes:
    links = "".join(
        f'<li><a href="{path}">{escape(title)}</a></li>'
        for path, (lang, title, _date, _p) in ARTICLES.items()
        if lang == language
    )
    title = "ទំព័រដើម" if language == "km" else "Home"
    main = f"""<h1>{title}</h1><ul>{links}
<li><a href="{PDF_PATH}">Road safety report 2026 (PDF)</a></li>
<li><a href="{KHMER_PDF_PATH}">របាយការណ៍សុវត្ថិភាពចរាចរណ៍ (PDF)</a></li>
<li><a href="/legacy/notice">សេចក្តីជូនដំណឹង</a></li>
<li><a href="/en/news/driving-licence;jsessionid=8F3A2B">Driving licence</a></li>
<li><a href="/en/news/national-road-5?PHPSESSID=a81c9e">Road 5</a></li>
<li><a href="/moved">Old address of the driving licence page</a></li>
<li><a href="/elsewhere">Our partners</a></li>
<li><a href="/en/section/">Sections</a></li>
<li><a href="/gone">Old notice</a></li>
<li><a href="/huge.pdf">Road atlas (PDF)</a></li>
<li><a href="/huge-undeclared.pdf">Bridge atlas (PDF)</a></li>
<li><a href="/en/news/malformed">Ferry timetable</a></li>
<li><a href="/km/news/wrong-encoding">ព័ត៌មានផ្លូវទឹក</a></li>
<li><a href="/km/news/no-encoding">ព័ត៌មានស្ពាន</a></li>
<li><a href="/logo.png">Logo</a></li></ul>"""
    return chrome(language, title, main)


@lru_cache(maxsize=1)
def report_pdf() -> bytes:
    from fpdf import FPDF  # the portal's own PDF library; only this page needs it

    pdf = FPDF()
    pdf.set_title(PDF_LINES[0])
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    for line in PDF_LINES:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@lru_cache(maxsize=1)
def khmer_report_pdf() -> bytes:
    """A Khmer report laid out as the portal lays out its own documents: shaped by
    HarfBuzz, with the text kept extractable (documents.pdf)."""
    from documents.pdf import DocumentPDF

    pdf = DocumentPDF()
    pdf.set_title(KHMER_PDF_LINES[0])
    pdf.add_page()
    for line in KHMER_PDF_LINES:
        pdf.write_line(line, size=12)
    return bytes(pdf.output())


def notice_page(number: int) -> bytes:
    title = f"Notice {number} on road maintenance"
    main = (
        f"<article><h1>{title}</h1><p>Maintenance crews will inspect bridge {number} and "
        f"the culverts near kilometre {number % 400}. Traffic keeps one lane open.</p>"
        f"<p>Notice number {number} was written for the demo.</p></article>"
    )
    return chrome("en", title, main)


class MinistrySiteHandler(Handler):
    def do_GET(self) -> None:
        state: SiteState = self.stand_in
        path = self.path_only
        with state.lock:
            state.requests.append(self.path)
        if path in state.slow:
            time.sleep(state.slow[path])
        if path in state.failing:
            return self.answer(500, b"<h1>Internal Server Error</h1>", "text/html")
        if path in state.gone:
            return self.answer(404, b"<h1>Not found</h1>", "text/html")
        route = ROUTES.get(path)
        if route is not None:
            return route(self)
        if path in ARTICLES:
            return self.answer_html(article_page(path))
        if path.startswith("/en/notices/") and path.rsplit("/", 1)[1].isdigit():
            return self.answer_html(notice_page(int(path.rsplit("/", 1)[1])))
        if path.startswith("/en/section/"):
            # A relative link to "section/" on every section page: an endless path.
            return self.answer_html(chrome("en", "Sections", '<a href="section/">More</a>'))
        return self.answer(404, b"<h1>Not found</h1>", "text/html")

    def answer_html(self, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
        if self.headers.get("If-None-Match") == etag_of(body):
            self.send_response(304)
            self.send_header("ETag", etag_of(body))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag_of(body))
        self.end_headers()
        self.wfile.write(body)

    def moved(self, location: str, status: int = 301) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def robots(self) -> None:
        state: SiteState = self.stand_in
        delay = f"Crawl-delay: {state.crawl_delay:g}\n" if state.crawl_delay else ""
        host = self.headers.get("Host", "")
        text = (
            f"User-agent: *\nDisallow: /private/\nDisallow: /search\n{delay}"
            f"Sitemap: http://{host}/sitemap.xml\n"
        )
        self.answer(200, text.encode(), "text/plain")

    def sitemap(self) -> None:
        state: SiteState = self.stand_in
        base = f"http://{self.headers.get('Host', '')}"
        paths = [
            *ARTICLES,
            PDF_PATH,
            KHMER_PDF_PATH,
            "/legacy/notice",
            "/gone",
            "/private/salaries",
        ]
        paths = [p for p in paths if p not in state.gone or p == "/gone"]
        paths += [f"/en/notices/{n}" for n in range(1, state.notices + 1)]
        paths += [f"/en/archive/{n}" for n in range(1, state.sitemap_entries + 1)]
        entries = "".join(f"<url><loc>{base}{p}</loc></url>\n" for p in paths)
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{entries}</urlset>\n"
        ).encode()
        self.answer(200, body, "application/xml")

    def root(self) -> None:
        self.moved("/km/", 302)

    def home_km(self) -> None:
        self.answer_html(home_page("km"))

    def home_en(self) -> None:
        self.answer_html(home_page("en"))

    def pdf(self) -> None:
        self.answer_html(report_pdf(), "application/pdf")

    def khmer_pdf(self) -> None:
        self.answer_html(khmer_report_pdf(), "application/pdf")

    def legacy(self) -> None:
        main = f'<article><h1><font face="Limon S1">esckþICUndMNwg</font></h1><p><font face="Limon S1">{LEGACY_TEXT}</font></p></article>'  # noqa: E501
        self.answer_html(chrome("km", "esckþICUndMNwg", main))

    def calendar(self) -> None:
        year, month = (int(x) for x in self.query.get("month", "2026-12").split("-")[:2])
        after = f"{year + month // 12}-{month % 12 + 1:02d}"
        before = f"{year - (month == 1)}-{(month - 2) % 12 + 1:02d}"
        main = (
            f"<h1>Events {year}-{month:02d}</h1><p>No events this month.</p>"
            f'<a href="/calendar?month={before}">Previous</a> '
            f'<a href="/calendar?month={after}">Next</a>'
        )
        self.answer_html(chrome("en", "Calendar", main))

    def malformed(self) -> None:
        body = (
            b"<html><head><title>Ferry timetable</title><body><div><p>The ferry at Prek "
            b"Kdam crosses every thirty minutes from six in the morning<p><b>until nine "
            b"at night, <i>every day of the week.</div></span></table>\x00\xff<p>"
            b"Tickets are sold on board"
        )
        self.answer_html(body, "text/html")

    def wrong_encoding(self) -> None:
        # UTF-8 Khmer declared as Latin-1, as a misconfigured server does.
        main = "<h1>ព័ត៌មានផ្លូវទឹក</h1><p>កាណូតដឹកអ្នកដំណើរពីភ្នំពេញទៅសៀមរាបចេញដំណើររៀងរាល់ព្រឹក។</p>"
        body = chrome("km", "ព័ត៌មានផ្លូវទឹក", main).replace(b'<meta charset="utf-8">', b"")
        self.answer_html(body, "text/html; charset=iso-8859-1")

    def no_encoding(self) -> None:
        main = "<h1>ព័ត៌មានស្ពាន</h1><p>ស្ពានថ្មីឆ្លងទន្លេមេគង្គនៅខេត្តស្ទឹងត្រែងនឹងបើកនៅខែមីនា។</p>"
        body = chrome("km", "ព័ត៌មានស្ពាន", main).replace(b'<meta charset="utf-8">', b"")
        self.answer_html(body, "text/html")

    def logo(self) -> None:
        self.answer(200, b"\x89PNG\r\n\x1a\n", "image/png")

    def huge(self, declared: bool = True) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        if declared:
            self.send_header("Content-Length", str(HUGE_BYTES))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        chunk = b"%PDF-1.4\n" + b"0" * 65_527
        try:
            for _ in range(HUGE_BYTES // len(chunk)):
                self.wfile.write(chunk)
        except OSError:
            pass  # the crawler stopped reading, as it should

    def huge_undeclared(self) -> None:
        self.huge(declared=False)


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:16] + '"'


ROUTES: dict[str, Callable[[MinistrySiteHandler], None]] = {
    "/robots.txt": MinistrySiteHandler.robots,
    "/sitemap.xml": MinistrySiteHandler.sitemap,
    "/": MinistrySiteHandler.root,
    "/km/": MinistrySiteHandler.home_km,
    "/en/": MinistrySiteHandler.home_en,
    PDF_PATH: MinistrySiteHandler.pdf,
    KHMER_PDF_PATH: MinistrySiteHandler.khmer_pdf,
    "/legacy/notice": MinistrySiteHandler.legacy,
    "/calendar": MinistrySiteHandler.calendar,
    "/moved": lambda h: h.moved("/en/news/driving-licence"),
    "/elsewhere": lambda h: h.moved("http://partner.example.org/"),
    "/en/news/malformed": MinistrySiteHandler.malformed,
    "/km/news/wrong-encoding": MinistrySiteHandler.wrong_encoding,
    "/km/news/no-encoding": MinistrySiteHandler.no_encoding,
    "/logo.png": MinistrySiteHandler.logo,
    "/huge.pdf": MinistrySiteHandler.huge,
    "/huge-undeclared.pdf": MinistrySiteHandler.huge_undeclared,
}


def start(state: SiteState | None = None, port: int = 0) -> tuple[StandInServer, SiteState]:
    state = state or SiteState()
    report_pdf()  # made before the first request: fpdf2 takes a moment to load
    khmer_report_pdf()
    return StandInServer(state, MinistrySiteHandler, port).start(), state
