"""Shaped Khmer that gives its letters back: /ActualText per glyph cluster.

HarfBuzz draws a Khmer syllable with glyphs that are reordered (a pre-base vowel drawn
first), merged (a subscript and its consonant) or split (a two-part vowel), so a PDF
font's ToUnicode map, one string per glyph, cannot say what was written: copying the
text or reading it aloud gave split and reordered clusters. fpdf2 (2.8.9, the newest
release) has no other way, so each cluster that is not one glyph for one letter is
wrapped in marked content that carries its source text (PDF 32000-1 §14.9.4,
`/Span <</ActualText (...)>> BDC ... EMC`), one cluster at a time so that selecting
part of a word still works. PDFium (Chromium, pypdfium2) and poppler (pdftotext,
Evince) read it. Latin text and single-letter clusters keep the ToUnicode map alone.

fpdf2 builds a line from `Fragment`s that copy themselves with `self.__class__`, so a
document's own fragment class is used for every line once `_preload_font_styles`, the
one place that creates them from text, returns it (see `ActualTextPDF`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from fpdf import FPDF
from fpdf.fonts import TTFFont
from fpdf.line_break import Fragment


@dataclass(frozen=True)
class Cluster:
    """A run of drawn glyphs that stands for `text`, with their widths in the PDF font
    (thousandths of the font size)."""

    text: str
    widths: tuple[int, ...]

    @property
    def glyphs(self) -> int:
        return len(self.widths)

    @property
    def needs_actual_text(self) -> bool:
        return self.glyphs != 1 or len(self.text) != 1


def shaped_clusters(
    font: TTFFont, text: str, size_pt: float, params: dict[str, Any] | None
) -> list[Cluster]:
    """Return the clusters of `text` as HarfBuzz shapes it, in drawing order.

    A mark (a glyph that does not advance) belongs with the glyph before it, and a glyph
    drawn after one of a later cluster joins that cluster, so that every cluster is a
    whole syllable part with a contiguous, increasing slice of the text. The glyphs
    that fpdf2 skips (.notdef, glyph 0) are not counted, so the counts add up to the
    glyphs that `TTFFont.shape_text` returns.
    """
    if not text:
        return []
    infos, positions = font.perform_harfbuzz_shaping(text, size_pt, params)
    metrics = font.ttfont["hmtx"].metrics
    runs: list[tuple[int, list[int]]] = []  # first letter, widths; in drawing order
    for info, position in zip(infos, positions, strict=True):
        start = int(info.cluster)
        if not runs or (start > runs[-1][0] and position.x_advance != 0):
            runs.append((start, []))
        while len(runs) > 1 and start < runs[-1][0]:
            merged = runs.pop()
            runs[-1][1].extend(merged[1])
        runs[-1] = (min(runs[-1][0], start), runs[-1][1])
        if info.codepoint != 0:
            width = metrics[font.ttfont.getGlyphName(info.codepoint)][0]
            runs[-1][1].append(round(font.scale * width))
    ends = [start for start, _widths in runs[1:]] + [len(text)]
    return [
        Cluster(text[start:end], tuple(widths))
        for (start, widths), end in zip(runs, ends, strict=True)
    ]


def actual_text_operator(text: str) -> str:
    """Return the operator opening a marked-content span that reads as `text`."""
    return f"/Span <</ActualText <FEFF{text.encode('utf-16-be').hex().upper()}>>> BDC "


@dataclass
class Placed:
    """A glyph to draw: its code in the font subset and where."""

    code: str
    x: float  # where it is drawn, offsets included
    y: float
    pen: float  # where the pen stood before it
    after: float  # where the pen stands after it
    width: float  # how far showing it moves the pen in the PDF
    offset: bool  # drawn away from the pen (a mark)
    reposition: bool  # the pen must be set again after it


def text_objects(placed: list[Placed]) -> Iterator[tuple[Placed, str, float]]:
    """Yield the text objects that glyphs are shown in: the first glyph of each, the
    codes shown and where the pen stands after them. A run of glyphs that follow each
    other from the pen is one object; a mark, or a glyph the pen must be set after, ends it.
    """
    run: list[Placed] = []
    for glyph in placed:
        if run and (glyph.offset or run[-1].offset or run[-1].reposition):
            yield run[0], "".join(item.code for item in run), run[-1].x + run[-1].width
            run = []
        run.append(glyph)
    if run:
        yield run[0], "".join(item.code for item in run), run[-1].x + run[-1].width


def flat(clusters: list[tuple[str, list[Placed]]]) -> list[Placed]:
    return [glyph for _text, glyphs in clusters for glyph in glyphs]


class ActualTextFragment(Fragment):
    """A fragment whose shaped glyphs carry their source text cluster by cluster.

    It draws what fpdf2's `render_with_text_shaping` draws. Readers place a span's text by
    its glyphs (PDFium by its first text object, ordering a line's objects by where they
    start; poppler from its first glyph to the end of its last), so inside a span every
    text object ends with a space glyph (no ink) kerned to end where the cluster ends, and
    a mark is shown from the pen, after such a space, rather than from where it is drawn.
    Without this a word read back was cut in two, or a cluster repeated.
    """

    def render_with_text_shaping(
        self, pos_x: float, pos_y: float, h: float, word_spacing: float
    ) -> str:
        font = self.font
        if not isinstance(font, TTFFont):  # pragma: no cover - fpdf2 shapes TTF only
            return super().render_with_text_shaping(pos_x, pos_y, h, word_spacing)
        params = self.text_shaping_parameters
        glyphs = font.shape_text(self.string, self.font_size_pt, params)
        space_code = font.subset.pick(ord(" "))
        self._space = font.escape_text(chr(space_code or 0))
        self._space_width = font.cw[0x20]  # thousandths of the font size
        self._h = h
        scale = font.scale * self.font_size_pt * (self.font_stretching / 100) / 1000 / self.k
        char_spacing = self.char_spacing * (self.font_stretching / 100) / self.k
        out: list[str] = []
        loose: list[tuple[str, list[Placed]]] = []  # one-letter clusters not yet shown
        span: tuple[str, list[Placed]] | None = None  # the cluster to show with its text
        index = 0
        for cluster in shaped_clusters(font, self.string, self.font_size_pt, params):
            placed = []
            drawn = zip(glyphs[index : index + cluster.glyphs], cluster.widths, strict=True)
            for glyph, width in drawn:
                if glyph["mapped_char"] is None:
                    continue
                spaced = bool(word_spacing) and glyph["mapped_char"] == space_code
                pen = pos_x
                pos_x += glyph["x_advance"] * scale + char_spacing + (word_spacing if spaced else 0)
                placed.append(
                    Placed(
                        code=font.escape_text(chr(glyph["mapped_char"])),
                        x=pen + glyph["x_offset"] * scale,
                        y=pos_y - glyph["y_offset"] * scale,
                        pen=pen,
                        after=pos_x,
                        width=width * self.font_size_pt / 1000 / self.k,
                        offset=bool(glyph["x_offset"] or glyph["y_offset"]),
                        reposition=glyph["force_positioning"] or spaced,
                    )
                )
                pos_y += glyph["y_advance"] * scale
            index += cluster.glyphs
            if not cluster.needs_actual_text:
                if span and cluster.text.isspace():
                    # Spaces after a span close it: PDFium drops a text object of spaces
                    # only, and reads no gap after a span's closing space.
                    span = (span[0] + cluster.text, span[1] + placed)
                    continue
                out.extend(self._show_span(span))
                span = None
                loose.append((cluster.text, placed))
                continue
            out.extend(self._show_span(span))
            span = (cluster.text, placed)
            if loose and all(letter.isspace() for letter, _glyphs in loose):
                span = ("".join(letter for letter, _ in loose) + span[0], flat(loose) + placed)
            else:
                out.extend(self._show(flat(loose)))
            loose = []
        out.extend(self._show_span(span))
        out.extend(self._show(flat(loose)))
        out.append(self._move(pos_x, pos_y))
        return "".join(out).rstrip()

    def _move(self, x: float, y: float) -> str:
        return f"1 0 0 1 {x * self.k:.2f} {(self._h - y) * self.k:.2f} Tm "

    def _show_span(self, span: tuple[str, list[Placed]] | None) -> Iterator[str]:
        if span is None:
            return
        text, placed = span
        yield actual_text_operator(text)
        yield from self._show(placed, reach=placed[-1].after if placed else None)
        yield "EMC "

    def _show(self, placed: list[Placed], reach: float | None = None) -> Iterator[str]:
        """Yield the operators that show `placed`; with `reach`, each text object of a
        span also ends with a space kerned to end there, and marks start from the pen."""
        to_thousandths = 1000 * self.k / self.font_size_pt  # user units to TJ units
        for start, shown, end in text_objects(placed):
            if reach is None:
                yield self._move(start.x, start.y) + f"({shown}) Tj "
                continue
            lead = ""
            if start.offset:
                kerning = self._space_width - (start.x - start.pen) * to_thousandths
                lead = f"({self._space}) {kerning:.1f} "
            kerning = self._space_width - (reach - end) * to_thousandths
            yield (
                self._move(start.pen if start.offset else start.x, start.y)
                + f"[{lead}({shown}) {kerning:.1f} ({self._space})] TJ "
            )


class ActualTextPDF(FPDF):
    """An FPDF whose shaped text is extracted, copied and read aloud as it was written."""

    def _preload_font_styles(
        self,
        text: str | None,
        markdown: bool,
        _initial_emphasis: tuple[bool, bool, bool, bool] | None = None,
    ) -> Sequence[Fragment]:
        fragments = super()._preload_font_styles(text, markdown, _initial_emphasis)
        return tuple(
            ActualTextFragment(
                fragment.characters, fragment.graphics_state, fragment.k, fragment.link
            )
            if type(fragment) is Fragment
            else fragment
            for fragment in fragments
        )
