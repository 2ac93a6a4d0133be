"""The roadmap (Fahrplan) of the measures over time, as server-side SVG in the style of vorort.core.charts.

One row per measure with a bar from start to end, grouped under a heading row per action field, so a reader
never needs the colour to know the field. An open start or end is drawn dashed and says so in the legend; a
dashed vertical line marks today. Long lists are split into several charts that each fit on a printed page.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

# The shared chart helpers (escaping, ids, the <svg> frame) keep every chart of vorort alike.
from vorort.core.charts import GRID, INK, _chart_id, _colour, _f, _short, _svg, _text

WIDTH = 640.0
LABEL_WIDTH = 236.0
RIGHT = 18.0
TOP = 40.0
ROW = 19.0
GROUP_ROW = 24.0
BAR = 10.0
LABEL_CHARS = 38
TODAY_COLOUR = "#a4161a"
# Rows per chart: about one printed A4 page.
ROWS_PER_CHART = 34


@dataclass(frozen=True)
class RoadmapItem:
    label: str
    start: datetime.date | None
    end: datetime.date | None
    group: str
    colour: str = ""
    status: str = ""

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


def _day(value: datetime.date) -> str:
    return date_format(value, "j. F Y")


def _window(items: Sequence[RoadmapItem], today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """From the first of January of the earliest date to the end of the year of the latest one."""
    days = [d for item in items for d in (item.start, item.end) if d is not None] + [today]
    first, last = min(days), max(days)
    return datetime.date(first.year, 1, 1), datetime.date(last.year, 12, 31)


def _chunks(items: Sequence[RoadmapItem], per_chart: int) -> list[list[tuple[str, RoadmapItem | None]]]:
    """Rows (kind, item) split into charts of at most `per_chart` rows; a group heading starts each group and is
    repeated ("continued") at the top of a chart that begins inside a group."""
    charts: list[list[tuple[str, RoadmapItem | None]]] = [[]]
    current_group = None
    for item in items:
        chart = charts[-1]
        if len(chart) >= per_chart:
            chart = []
            charts.append(chart)
            if item.group == current_group:
                chart.append(("continued", item))
        if item.group != current_group:
            if len(chart) >= per_chart - 1:
                chart = []
                charts.append(chart)
            chart.append(("group", item))
            current_group = item.group
        chart.append(("item", item))
    return [chart for chart in charts if chart]


def _one_chart(
    rows: list[tuple[str, RoadmapItem | None]],
    *,
    first: datetime.date,
    last: datetime.date,
    today: datetime.date,
    title: str,
    chart_id: str,
) -> SafeString:
    plot_left, plot_right = LABEL_WIDTH, WIDTH - RIGHT
    span = (last - first).days or 1

    def x_of(day: datetime.date) -> float:
        return plot_left + (plot_right - plot_left) * (day - first).days / span

    height = TOP + sum(GROUP_ROW if kind != "item" else ROW for kind, _item in rows) + 8
    body = []
    # Year bands, ticks and labels on top.
    for year in range(first.year, last.year + 1):
        start = x_of(datetime.date(year, 1, 1))
        end = x_of(min(datetime.date(year, 12, 31), last))
        if year % 2 == 0:
            body.append(
                f'<rect x="{_f(start)}" y="{_f(TOP - 6)}" width="{_f(end - start)}" '
                f'height="{_f(height - TOP - 2)}" fill="#f1f4f6"/>'
            )
        body.append(
            f'<line x1="{_f(start)}" y1="{_f(TOP - 14)}" x2="{_f(start)}" y2="{_f(height - 8)}" '
            f'stroke="{GRID}" stroke-width="0.75"/>'
        )
        body.append(_text((start + end) / 2, TOP - 18, str(year), size=12, weight="600"))
    # Today.
    if first <= today <= last:
        x = x_of(today)
        body.append(
            f'<line x1="{_f(x)}" y1="{_f(TOP - 6)}" x2="{_f(x)}" y2="{_f(height - 8)}" stroke="{TODAY_COLOUR}" '
            f'stroke-width="1.5" stroke-dasharray="4 3"/>'
        )
        body.append(_text(x, TOP - 4, _("heute"), size=10, weight="600", halo=True))
    y = TOP
    words = []
    for kind, item in rows:
        if kind in ("group", "continued"):
            label = item.group if kind == "group" else _("%(group)s (Fortsetzung)") % {"group": item.group}
            body.append(
                f'<line x1="4" y1="{_f(y + GROUP_ROW - 3)}" x2="{_f(plot_right)}" y2="{_f(y + GROUP_ROW - 3)}" '
                f'stroke="{INK}" stroke-width="0.75"/>'
            )
            body.append(_text(4, y + GROUP_ROW - 8, _short(label, 60), anchor="start", size=12, weight="700"))
            y += GROUP_ROW
            continue
        colour = _colour(item.colour, 0)
        middle = y + ROW / 2
        body.append(_text(LABEL_WIDTH - 8, middle + 4, _short(item.label, LABEL_CHARS), anchor="end", size=11))
        if item.dated:
            start = x_of(item.start) if item.start is not None else plot_left
            end = x_of(item.end) if item.end is not None else plot_right
            end = max(end, start + 3)
            dashed = item.start is None or item.end is None
            box = f'x="{_f(start)}" y="{_f(middle - BAR / 2)}" width="{_f(end - start)}" height="{_f(BAR)}"'
            if dashed:
                body.append(
                    f'<rect {box} fill="{colour}" fill-opacity="0.25" stroke="{colour}" stroke-width="1.5" '
                    f'stroke-dasharray="4 2"/>'
                )
            else:
                body.append(f'<rect {box} fill="{colour}" stroke="{INK}" stroke-width="0.5"/>')
        begin = _day(item.start) if item.start is not None else _("offen")
        finish = _day(item.end) if item.end is not None else _("offen")
        words.append(f"{item.label}: {begin} bis {finish}.")
        y += ROW
    legend_y = height + 10
    body.append(
        f'<rect x="{_f(plot_left)}" y="{_f(legend_y - 5)}" width="24" height="{_f(BAR)}" fill="{_colour("", 0)}" '
        f'stroke="{INK}" stroke-width="0.5"/>'
    )
    body.append(_text(plot_left + 30, legend_y + 4, _("Zeitraum"), anchor="start", size=11))
    body.append(
        f'<rect x="{_f(plot_left + 110)}" y="{_f(legend_y - 5)}" width="24" height="{_f(BAR)}" '
        f'fill="{_colour("", 0)}" fill-opacity="0.25" stroke="{_colour("", 0)}" stroke-width="1.5" '
        f'stroke-dasharray="4 2"/>'
    )
    body.append(_text(plot_left + 140, legend_y + 4, _("Beginn oder Ende offen"), anchor="start", size=11))
    description = _("Fahrplan der Maßnahmen, gruppiert nach Handlungsfeld.") + " " + " ".join(words)
    return _svg(chart_id, WIDTH, legend_y + 14, title, description, body)


def roadmap_charts(
    items: Sequence[RoadmapItem],
    *,
    today: datetime.date,
    title: str = "",
    per_chart: int = ROWS_PER_CHART,
    chart_id: str = "roadmap",
) -> list[SafeString]:
    """Charts of the dated items (in the given order), each of at most `per_chart` rows; [] if none is dated."""
    dated = [item for item in items if item.dated]
    if not dated:
        return []
    title = title or _("Fahrplan der Maßnahmen")
    first, last = _window(dated, today)
    chunks = _chunks(dated, per_chart)
    charts = []
    for number, rows in enumerate(chunks, start=1):
        part_title = title
        if len(chunks) > 1:
            part_title = _("%(title)s (Teil %(part)s von %(parts)s)") % {
                "title": title,
                "part": number,
                "parts": len(chunks),
            }
        charts.append(
            _one_chart(
                rows,
                first=first,
                last=last,
                today=today,
                title=part_title,
                chart_id=_chart_id(f"{chart_id}-{number}"),
            )
        )
    return charts
