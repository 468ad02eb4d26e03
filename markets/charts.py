"""Server-rendered SVG charts: a line over time and horizontal bars. No JavaScript and no
style attributes (the CSP forbids inline style): colours are presentation attributes and
classes from the app's stylesheet. Each chart has a title and description for screen
readers, and the page shows its data as a table beside it. See ADR 0040 for why these
are written here instead of with a charting library."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
LINE_HEIGHT = 240
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 72, 16, 16, 32
BAR_HEIGHT = 22
BAR_GAP = 6
BAR_LABEL = 150
TICKS = 4


@dataclass(frozen=True)
class Point:
    label: str
    value: float


def _scale(low: float, high: float, size: float) -> Callable[[float], float]:
    span = (high - low) or 1.0
    return lambda value: (value - low) / span * size


def _open(chart_id: str, title: str, description: str, height: int) -> str:
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-t {}-d" '
        'xmlns="http://www.w3.org/2000/svg"><title id="{}-t">{}</title>'
        '<desc id="{}-d">{}</desc>',
        WIDTH, height, chart_id, chart_id, chart_id, title, chart_id, description,
    )  # fmt: skip


def line_chart(
    chart_id: str,
    title: str,
    description: str,
    points: Sequence[Point],
    format_value: Callable[[float], str],
) -> SafeString:
    """A line of the values in order, with the first and last labels under it."""
    if not points:
        return mark_safe("")
    values = [p.value for p in points]
    low, high = min(values) * 0.95, max(values) * 1.05
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = LINE_HEIGHT - PAD_TOP - PAD_BOTTOM
    y = _scale(low, high, inner_h)
    step = inner_w / max(len(points) - 1, 1)
    coords = " ".join(
        f"{PAD_LEFT + i * step:.1f},{PAD_TOP + inner_h - y(v):.1f}" for i, v in enumerate(values)
    )
    parts = [_open(chart_id, title, description, LINE_HEIGHT)]
    for tick in range(TICKS + 1):
        value = low + (high - low) * tick / TICKS
        ty = PAD_TOP + inner_h - y(value)
        parts.append(
            f'<line x1="{PAD_LEFT}" x2="{WIDTH - PAD_RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}" '
            'class="chart__grid" stroke="#d0d5dd" stroke-width="1"/>'
            f'<text x="{PAD_LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end" class="chart__label" '
            f'font-size="12">{escape(format_value(value))}</text>'
        )
    parts.append(
        f'<polyline points="{coords}" fill="none" stroke="#1d4ed8" stroke-width="2.5" '
        'class="chart__line"/>'
    )
    base = LINE_HEIGHT - 8
    parts.append(
        f'<text x="{PAD_LEFT}" y="{base}" font-size="12" class="chart__label">'
        f"{escape(points[0].label)}</text>"
        f'<text x="{WIDTH - PAD_RIGHT}" y="{base}" font-size="12" text-anchor="end" '
        f'class="chart__label">{escape(points[-1].label)}</text></svg>'
    )
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    points: Sequence[Point],
    format_value: Callable[[float], str],
) -> SafeString:
    """One horizontal bar per point, its label on the left and its value at its end."""
    if not points:
        return mark_safe("")
    height = PAD_TOP + len(points) * (BAR_HEIGHT + BAR_GAP) + 8
    room = WIDTH - BAR_LABEL - 110
    x = _scale(0, max(p.value for p in points), room)
    parts = [_open(chart_id, title, description, height)]
    for index, point in enumerate(points):
        top = PAD_TOP + index * (BAR_HEIGHT + BAR_GAP)
        width = max(x(point.value), 1.0)
        parts.append(
            f'<text x="{BAR_LABEL - 6}" y="{top + 16}" text-anchor="end" font-size="12" '
            f'class="chart__label">{escape(point.label)}</text>'
            f'<rect x="{BAR_LABEL}" y="{top}" width="{width:.1f}" height="{BAR_HEIGHT}" '
            'fill="#1d4ed8" class="chart__bar"/>'
            f'<text x="{BAR_LABEL + width + 6:.1f}" y="{top + 16}" font-size="12" '
            f'class="chart__label">{escape(format_value(point.value))}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
