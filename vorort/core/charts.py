"""Server-side SVG charts: no script, no inline style, readable by screen readers.

Every chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` that states the data in words; pages
still show a data table next to it as the full text alternative. Series differ by colour *and* by dash pattern
and marker shape, so nothing depends on colour alone. All text is escaped; colours are only taken if they look
like ``#rrggbb``.
"""

from __future__ import annotations

import datetime
import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .templatetags.vorort_format import format_number

Number = int | float | Decimal

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_ID_UNSAFE = re.compile(r"[^a-zA-Z0-9_-]")
# Colours with at least 4.5:1 contrast on white; dash patterns and markers keep series apart without colour.
PALETTE = ("#0b4f71", "#a4161a", "#1e6b34", "#8a4b00", "#5e35b1", "#37424b")
DASHES = ("", "8 4", "2 4", "12 4 2 4", "4 2", "1 3")
MARKERS = ("circle", "square", "diamond", "triangle", "circle", "square")
INK = "#1b1f24"
GRID = "#9aa5b1"
FONT = "'Source Sans 3', 'DejaVu Sans', sans-serif"
LABEL_CHARS = 26


@dataclass(frozen=True)
class Series:
    """One line or polygon of a chart: a label and one value per axis (None = no value)."""

    label: str
    values: Sequence[Number | None]
    colour: str = ""


# Helpers --------------------------------------------------------------------------------------------------------


def _f(value: float) -> str:
    """A coordinate: one decimal, no trailing zeros."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _colour(value: str, index: int) -> str:
    return value if _COLOUR.match(value or "") else PALETTE[index % len(PALETTE)]


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def number_text(value: Number | None, decimals: int | None = None) -> str:
    """German number for chart text: 2,5; 1.234; up to two decimals unless `decimals` is given."""
    if value is None:
        return "–"
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return "–"
    if decimals is None:
        exponent = number.normalize().as_tuple().exponent
        decimals = max(0, min(2, -exponent)) if isinstance(exponent, int) else 0
    return format_number(number, decimals)


def _chart_id(chart_id: str | None, *parts: str) -> str:
    if chart_id:
        return "chart-" + _ID_UNSAFE.sub("-", chart_id)
    digest = hashlib.sha1("\x1f".join(parts).encode(), usedforsecurity=False).hexdigest()[:10]
    return f"chart-{digest}"


def _text(
    x: float, y: float, content: str, *, anchor: str = "middle", size: int = 13, weight: str = "", halo: bool = False
) -> str:
    bold = f' font-weight="{weight}"' if weight else ""
    outline = ' stroke="#ffffff" stroke-width="3" paint-order="stroke"' if halo else ""
    return (
        f'<text x="{_f(x)}" y="{_f(y)}" text-anchor="{anchor}" font-size="{size}" fill="{INK}"{bold}{outline}>'
        f"{escape(content)}</text>"
    )


def _marker(kind: str, x: float, y: float, colour: str, size: float = 4.5) -> str:
    if kind == "square":
        return (
            f'<rect x="{_f(x - size)}" y="{_f(y - size)}" width="{_f(2 * size)}" height="{_f(2 * size)}" '
            f'fill="{colour}" stroke="#ffffff" stroke-width="1"/>'
        )
    if kind == "diamond":
        s = size * 1.3
        points = f"{_f(x)},{_f(y - s)} {_f(x + s)},{_f(y)} {_f(x)},{_f(y + s)} {_f(x - s)},{_f(y)}"
        return f'<polygon points="{points}" fill="{colour}" stroke="#ffffff" stroke-width="1"/>'
    if kind == "triangle":
        s = size * 1.3
        points = f"{_f(x)},{_f(y - s)} {_f(x + s)},{_f(y + s * 0.8)} {_f(x - s)},{_f(y + s * 0.8)}"
        return f'<polygon points="{points}" fill="{colour}" stroke="#ffffff" stroke-width="1"/>'
    return f'<circle cx="{_f(x)}" cy="{_f(y)}" r="{_f(size)}" fill="{colour}" stroke="#ffffff" stroke-width="1"/>'


def _dash(pattern: str) -> str:
    return f' stroke-dasharray="{pattern}"' if pattern else ""


def _legend(entries: list[tuple[str, str, str, str]], top: float, left: float = 20) -> tuple[list[str], float]:
    """Legend rows (label, colour, dash, marker) from `top`; returns the markup and the height used."""
    parts = []
    for row, (label, colour, dash, marker) in enumerate(entries):
        y = top + row * 22
        parts.append(
            f'<line x1="{_f(left)}" y1="{_f(y)}" x2="{_f(left + 36)}" y2="{_f(y)}" stroke="{colour}" '
            f'stroke-width="3"{_dash(dash)}/>'
        )
        parts.append(_marker(marker, left + 18, y, colour))
        parts.append(_text(left + 46, y + 4.5, _short(label, 70), anchor="start"))
    return parts, len(entries) * 22


def _svg(chart_id: str, width: float, height: float, title: str, desc: str, body: list[str]) -> SafeString:
    markup = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {_f(width)} {_f(height)}" '
        f'width="{_f(width)}" height="{_f(height)}" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="{FONT}">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>' + "".join(body) + "</svg>"
    )
    return mark_safe(markup)  # noqa: S308 - every text and attribute above is escaped or generated here


def _empty(chart_id: str, title: str, message: str) -> SafeString:
    body = [_text(200, 50, message)]
    return _svg(chart_id, 400, 90, title, message, body)


# Radar chart -------------------------------------------------------------------------------------------------


def radar_chart(
    axes: Sequence[str],
    series: Sequence[Series],
    *,
    title: str = "",
    description: str = "",
    max_value: int = 4,
    chart_id: str | None = None,
) -> SafeString:
    """A radar (spider) chart: one axis per label, values 0..max_value, one closed polygon per series."""
    axes = [str(axis) for axis in axes]
    title = title or _("Netzdiagramm")
    chart_id = _chart_id(chart_id, title, *axes, *(s.label for s in series))
    if not axes:
        return _empty(chart_id, title, _("Keine Daten vorhanden."))
    radius, width = 150.0, 640.0
    cx, cy = width / 2, radius + 56
    count = len(axes)

    def point(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        distance = radius * max(0.0, min(float(value), max_value)) / max_value
        return cx + distance * math.cos(angle), cy + distance * math.sin(angle)

    body = []
    # Grid rings, axis lines and the level numbers along the first axis.
    for level in range(1, max_value + 1):
        ring = " ".join(f"{_f(x)},{_f(y)}" for x, y in (point(i, level) for i in range(count)))
        body.append(f'<polygon points="{ring}" fill="none" stroke="{GRID}" stroke-width="1"/>')
    for index, axis in enumerate(axes):
        x, y = point(index, max_value)
        body.append(f'<line x1="{_f(cx)}" y1="{_f(cy)}" x2="{_f(x)}" y2="{_f(y)}" stroke="{GRID}" stroke-width="1"/>')
        angle = -math.pi / 2 + 2 * math.pi * index / count
        lx, ly = cx + (radius + 16) * math.cos(angle), cy + (radius + 16) * math.sin(angle)
        cos = math.cos(angle)
        anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
        sin = math.sin(angle)
        ly += 14 if sin > 0.5 else (-4 if sin < -0.5 else 5)
        body.append(_text(lx, ly, _short(axis), anchor=anchor, size=14, weight="600"))
    # One polygon per series, markers where a value exists.
    legend = []
    for index, item in enumerate(series):
        colour = _colour(item.colour, index)
        dash, marker = DASHES[index % len(DASHES)], MARKERS[index % len(MARKERS)]
        values = list(item.values)[:count] + [None] * max(0, count - len(item.values))
        corners = [point(i, value or 0) for i, value in enumerate(values)]
        outline = " ".join(f"{_f(x)},{_f(y)}" for x, y in corners)
        body.append(
            f'<polygon points="{outline}" fill="{colour}" fill-opacity="0.08" stroke="{colour}" '
            f'stroke-width="2.5" stroke-linejoin="round"{_dash(dash)}/>'
        )
        body.extend(
            _marker(marker, x, y, colour) for (x, y), value in zip(corners, values, strict=True) if value is not None
        )
        legend.append((item.label, colour, dash, marker))
    # Level numbers last, with a white halo, so no polygon hides them.
    for level in range(0, max_value + 1):
        x, y = point(0, level)
        body.append(_text(x - 7, y + 4, str(level), anchor="end", size=12, weight="600", halo=True))
    legend_top = cy + radius + 52
    legend_parts, legend_height = _legend(legend, legend_top)
    body.extend(legend_parts)
    height = legend_top + legend_height + 6

    words = []
    for item in series:
        pairs = "; ".join(
            f"{axis} {number_text(value, 1)}"
            for axis, value in zip(axes, list(item.values) + [None] * count, strict=False)
        )
        words.append(f"{item.label}: {pairs}.")
    scale = _("Skala 0 bis %(max)s.") % {"max": max_value}
    desc = " ".join(part for part in [description, scale, *words] if part)
    return _svg(chart_id, width, height, title, desc, body)


# Line chart --------------------------------------------------------------------------------------------------


def _nice_step(span: float, target_ticks: int = 4) -> float:
    raw = span / target_ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _step_decimals(step: float) -> int:
    for decimals in range(0, 4):
        if abs(step * 10**decimals - round(step * 10**decimals)) < 1e-9:
            return decimals
    return 3


def _time_ticks(first: datetime.date, last: datetime.date) -> list[tuple[datetime.date, str]]:
    """Ticks for the time axis: whole years over long spans, else five evenly spaced dates."""
    years = [datetime.date(year, 1, 1) for year in range(first.year, last.year + 1)]
    years = [day for day in years if first <= day <= last]
    if len(years) >= 3:
        step = math.ceil(len(years) / 7)
        return [(day, str(day.year)) for day in years[::step]]
    ticks, seen = [], set()
    span = last.toordinal() - first.toordinal()
    for index in range(5):
        day = datetime.date.fromordinal(first.toordinal() + round(span * index / 4))
        if day not in seen:
            seen.add(day)
            ticks.append((day, day.strftime("%d.%m.%Y")))
    return ticks


def line_chart(
    points: Sequence[tuple[datetime.date, Number]],
    *,
    title: str = "",
    description: str = "",
    unit: str = "",
    points_label: str = "",
    reference: Sequence[tuple[datetime.date, Number]] | None = None,
    reference_label: str = "",
    y_min: Number | None = None,
    y_max: Number | None = None,
    chart_id: str | None = None,
) -> SafeString:
    """Values over time: a solid line with markers, optionally a dashed reference line (e.g. baseline → target)."""
    points = sorted(((d, float(v)) for d, v in points), key=lambda item: item[0])
    reference = [(d, float(v)) for d, v in (reference or [])]
    title = title or _("Verlauf")
    points_label = points_label or _("Messwerte")
    reference_label = reference_label or _("Zielpfad")
    chart_id = _chart_id(chart_id, title, unit, *(f"{d}:{v}" for d, v in [*points, *reference]))
    everything = points + reference
    if not everything:
        return _empty(chart_id, title, _("Noch keine Werte vorhanden."))

    width, height = 640.0, 300.0
    left, right, top, bottom = 78.0, 24.0, 30.0, 46.0
    plot_w, plot_h = width - left - right, height - top - bottom

    values = [v for _d, v in everything]
    low = float(y_min) if y_min is not None else min(values)
    high = float(y_max) if y_max is not None else max(values)
    if y_min is None and low > 0 and low < (high - low):
        low = 0.0  # start at zero when the data is not far from it
    if high == low:
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad
    step = _nice_step(high - low)
    low_tick = math.floor(low / step + 1e-9) * step if y_min is None else low
    high_tick = math.ceil(high / step - 1e-9) * step if y_max is None else high
    decimals = _step_decimals(step)

    days = [d.toordinal() for d, _v in everything]
    first, last = min(days), max(days)
    if first == last:
        first, last = first - 30, last + 30

    def x_of(day: datetime.date) -> float:
        return left + plot_w * (day.toordinal() - first) / (last - first)

    def y_of(value: float) -> float:
        return top + plot_h * (1 - (value - low_tick) / (high_tick - low_tick))

    body = [
        f'<rect x="{_f(left)}" y="{_f(top)}" width="{_f(plot_w)}" height="{_f(plot_h)}" fill="#ffffff" '
        f'stroke="{GRID}" stroke-width="1"/>'
    ]
    tick = low_tick
    while tick <= high_tick + step / 2:
        y = y_of(tick)
        body.append(
            f'<line x1="{_f(left)}" y1="{_f(y)}" x2="{_f(left + plot_w)}" y2="{_f(y)}" stroke="{GRID}" '
            f'stroke-width="0.75"/>'
        )
        body.append(_text(left - 8, y + 4, number_text(tick, decimals), anchor="end", size=12))
        tick += step
    if unit:
        body.append(_text(left - 8, top - 12, _short(unit, 20), anchor="end", size=12, weight="600"))
    for day, label in _time_ticks(datetime.date.fromordinal(first), datetime.date.fromordinal(last)):
        x = x_of(day)
        body.append(
            f'<line x1="{_f(x)}" y1="{_f(top + plot_h)}" x2="{_f(x)}" y2="{_f(top + plot_h + 5)}" stroke="{INK}" '
            f'stroke-width="1"/>'
        )
        anchor = "start" if x - left < 30 else ("end" if left + plot_w - x < 30 else "middle")
        body.append(_text(x, top + plot_h + 20, label, anchor=anchor, size=12))

    legend = []
    if reference:
        colour, dash = PALETTE[2], DASHES[1]
        coords = " ".join(f"{_f(x_of(d))},{_f(y_of(v))}" for d, v in reference)
        body.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"{_dash(dash)}/>')
        body.extend(_marker("square", x_of(d), y_of(v), colour) for d, v in reference)
        legend.append((reference_label, colour, dash, "square"))
    if points:
        colour = PALETTE[0]
        coords = " ".join(f"{_f(x_of(d))},{_f(y_of(v))}" for d, v in points)
        body.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
        body.extend(_marker("circle", x_of(d), y_of(v), colour) for d, v in points)
        legend.append((points_label, colour, "", "circle"))
    legend_parts, legend_height = _legend(legend, height + 4)
    body.extend(legend_parts)

    def said(pairs) -> str:
        suffix = f" {unit}" if unit else ""
        return "; ".join(f"{d.strftime('%d.%m.%Y')}: {number_text(v)}{suffix}" for d, v in pairs)

    words = [description]
    if reference:
        words.append(f"{reference_label}: {said(reference)}.")
    words.append(f"{points_label}: {said(points)}." if points else _("Noch keine Messwerte."))
    return _svg(chart_id, width, height + legend_height + 8, title, " ".join(w for w in words if w), body)


# Bar charts -------------------------------------------------------------------------------------------------

# Fill patterns laid over the bar colour, so stacked segments differ by texture as well as by colour.
# Each entry: (pattern size, rotation, shapes in white); the first series stays plain.
_PATTERNS = (
    None,
    (6, 45, '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2" stroke-opacity="0.55"/>'),
    (6, 0, '<circle cx="3" cy="3" r="1.3" fill="#ffffff" fill-opacity="0.7"/>'),
    (6, -45, '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2" stroke-opacity="0.55"/>'),
    (
        6,
        45,
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="1.5" stroke-opacity="0.55"/>'
        '<line x1="0" y1="3" x2="6" y2="3" stroke="#ffffff" stroke-width="1.5" stroke-opacity="0.55"/>',
    ),
    (6, 0, '<line x1="0" y1="3" x2="6" y2="3" stroke="#ffffff" stroke-width="2" stroke-opacity="0.55"/>'),
    (6, 0, '<line x1="3" y1="0" x2="3" y2="6" stroke="#ffffff" stroke-width="2" stroke-opacity="0.55"/>'),
    (8, 0, '<rect x="2" y="2" width="4" height="4" fill="#ffffff" fill-opacity="0.55"/>'),
)
BAR_WIDTH, BAR_LEFT, BAR_RIGHT, BAR_ROW, BAR_HEIGHT = 640.0, 190.0, 56.0, 30.0, 20.0


@dataclass(frozen=True)
class Bar:
    """One bar of a simple bar chart."""

    label: str
    value: Number | None
    colour: str = ""


def _pattern_defs(chart_id: str, count: int) -> tuple[list[str], list[str]]:
    """<defs> with one fill pattern per series, and each series' pattern fill ("" = plain)."""
    defs, fills = [], []
    for index in range(count):
        pattern = _PATTERNS[index % len(_PATTERNS)]
        if pattern is None:
            fills.append("")
            continue
        size, rotation, shapes = pattern
        pattern_id = f"{chart_id}-pattern-{index}"
        turn = f' patternTransform="rotate({rotation})"' if rotation else ""
        defs.append(
            f'<pattern id="{pattern_id}" width="{size}" height="{size}" patternUnits="userSpaceOnUse"{turn}>'
            f"{shapes}</pattern>"
        )
        fills.append(f"url(#{pattern_id})")
    return (["<defs>", *defs, "</defs>"] if defs else []), fills


def _text_width(text: str, size: int = 13) -> float:
    """A rough width of `text` in the chart font: enough to lay out labels and legends without measuring."""
    return len(text) * size * 0.56


def _swatch_legend(
    entries: list[tuple[str, str, str]], top: float, left: float, width: float
) -> tuple[list[str], float]:
    """Legend entries (label, colour, pattern fill) flowing in rows; returns the markup and the height used."""
    parts, x, y = [], left, top
    for label, colour, pattern in entries:
        text = _short(label, 60)
        needed = 22 + _text_width(text) + 18
        if x > left and x + needed > width:
            x, y = left, y + 22
        parts.append(
            f'<rect x="{_f(x)}" y="{_f(y - 7)}" width="14" height="14" fill="{colour}" stroke="{INK}" '
            f'stroke-width="1"/>'
        )
        if pattern:
            parts.append(f'<rect x="{_f(x)}" y="{_f(y - 7)}" width="14" height="14" fill="{pattern}"/>')
        parts.append(_text(x + 20, y + 4.5, text, anchor="start"))
        x += needed
    return parts, (y - top + 22) if entries else 0


def _bar_rows(categories: list[str], rows: list[list[tuple[float, str, str]]]) -> tuple[list[str], float]:
    """One horizontal bar per category, stacked from (value, colour, pattern fill) segments, its total at the
    end; a segment wide enough carries its number. Returns the markup and the y below the last bar."""
    totals = [sum(amount for amount, _c, _p in segments) for segments in rows]
    largest = max(totals, default=0) or 1.0
    plot_w = BAR_WIDTH - BAR_LEFT - BAR_RIGHT
    top = 12.0
    bottom = top + BAR_ROW * len(categories)
    body = [
        f'<line x1="{_f(BAR_LEFT)}" y1="{_f(top - 4)}" x2="{_f(BAR_LEFT)}" y2="{_f(bottom)}" stroke="{INK}" '
        f'stroke-width="1"/>'
    ]
    for index, (category, segments) in enumerate(zip(categories, rows, strict=True)):
        y = top + BAR_ROW * index + (BAR_ROW - BAR_HEIGHT) / 2
        body.append(_text(BAR_LEFT - 8, y + BAR_HEIGHT / 2 + 4.5, _short(category), anchor="end"))
        x = BAR_LEFT
        for amount, colour, pattern in segments:
            if amount <= 0:
                continue
            width = plot_w * amount / largest
            box = f'x="{_f(x)}" y="{_f(y)}" width="{_f(width)}" height="{_f(BAR_HEIGHT)}"'
            body.append(f'<rect {box} fill="{colour}" stroke="#ffffff" stroke-width="1"/>')
            if pattern:
                body.append(f'<rect {box} fill="{pattern}"/>')
            label = number_text(amount)
            if len(segments) > 1 and width >= _text_width(label, 12) + 8:
                body.append(
                    f'<text x="{_f(x + width / 2)}" y="{_f(y + BAR_HEIGHT / 2 + 4)}" text-anchor="middle" '
                    f'font-size="12" font-weight="700" fill="#ffffff" stroke="{INK}" stroke-width="2.5" '
                    f'paint-order="stroke">{escape(label)}</text>'
                )
            x += width
        total = number_text(totals[index])
        body.append(_text(x + 6, y + BAR_HEIGHT / 2 + 4.5, total, anchor="start", weight="600"))
    return body, bottom + 8


def _amount(value: Number | None) -> float:
    return max(0.0, float(value)) if value is not None else 0.0


def bar_chart(
    bars: Sequence[Bar],
    *,
    title: str = "",
    description: str = "",
    unit: str = "",
    chart_id: str | None = None,
) -> SafeString:
    """Horizontal bars, label on the left and value at the end, each in its colour (default: the first)."""
    bars = list(bars)
    title = title or _("Balkendiagramm")
    chart_id = _chart_id(chart_id, title, *(bar.label for bar in bars))
    if not bars:
        return _empty(chart_id, title, _("Keine Daten vorhanden."))
    labels = [str(bar.label) for bar in bars]
    body, height = _bar_rows(labels, [[(_amount(bar.value), _colour(bar.colour, 0), "")] for bar in bars])
    suffix = f" {unit}" if unit else ""
    words = [description] if description else []
    words += [f"{label}: {number_text(_amount(bar.value))}{suffix}." for label, bar in zip(labels, bars, strict=True)]
    return _svg(chart_id, BAR_WIDTH, height, title, " ".join(words), body)


def stacked_bar_chart(
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    title: str = "",
    description: str = "",
    unit: str = "",
    chart_id: str | None = None,
) -> SafeString:
    """Horizontal bars, one per category, stacked from each series' value for it (None or 0 = no segment).

    Segments differ by colour *and* fill pattern, the legend shows both; numbers sit in the segments and the
    total at the end of each bar. The description states every value in words."""
    categories = [str(category) for category in categories]
    title = title or _("Balkendiagramm")
    chart_id = _chart_id(chart_id, title, *categories, *(s.label for s in series))
    if not categories or not series:
        return _empty(chart_id, title, _("Keine Daten vorhanden."))
    body, fills = _pattern_defs(chart_id, len(series))
    colours = [_colour(item.colour, index) for index, item in enumerate(series)]

    def value(item: Series, index: int) -> float:
        values = list(item.values)
        return _amount(values[index]) if index < len(values) else 0.0

    rows = [
        [(value(item, index), colours[position], fills[position]) for position, item in enumerate(series)]
        for index in range(len(categories))
    ]
    bars, height = _bar_rows(categories, rows)
    body.extend(bars)
    legend, legend_height = _swatch_legend(
        [(item.label, colours[i], fills[i]) for i, item in enumerate(series)], height + 12, 20, BAR_WIDTH - 20
    )
    body.extend(legend)
    height += 12 + legend_height

    suffix = f" {unit}" if unit else ""
    words = [description] if description else []
    for index, category in enumerate(categories):
        parts = [f"{item.label} {number_text(value(item, index))}" for item in series if value(item, index) > 0]
        total = number_text(sum(amount for amount, _c, _p in rows[index]))
        detail = f" ({'; '.join(parts)})" if parts else ""
        words.append(f"{category}: {_('insgesamt')} {total}{suffix}{detail}.")
    return _svg(chart_id, BAR_WIDTH, height, title, " ".join(words), body)
