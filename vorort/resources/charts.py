"""The capacity chart: hours available against hours planned per quarter, overload marked in text and pattern.

Drawn with the helpers of vorort.core.charts (escaped text, no script, no inline style); pages show the same
numbers in a table next to it.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from vorort.core.charts import _chart_id, _empty, _f, _svg, _swatch_legend, _text, _text_width, number_text

from .capacity import LoadState, QuarterLoad

AVAILABLE = "#0b4f71"
PLANNED = "#1e6b34"
EXCESS = "#a4161a"
WIDTH, LEFT, RIGHT = 640.0, 96.0, 190.0
BAR, GAP, GROUP = 16.0, 3.0, 46.0


def _patterns(chart_id: str) -> tuple[list[str], str, str]:
    dots, hatch = f"{chart_id}-pattern-planned", f"{chart_id}-pattern-excess"
    defs = [
        "<defs>",
        f'<pattern id="{dots}" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<circle cx="3" cy="3" r="1.3" fill="#ffffff" fill-opacity="0.7"/></pattern>',
        f'<pattern id="{hatch}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2.5" stroke-opacity="0.7"/></pattern>',
        "</defs>",
    ]
    return defs, f"url(#{dots})", f"url(#{hatch})"


def _bar(x: float, y: float, width: float, colour: str, pattern: str = "") -> list[str]:
    if width <= 0:
        return []
    box = f'x="{_f(x)}" y="{_f(y)}" width="{_f(width)}" height="{_f(BAR)}"'
    parts = [f'<rect {box} fill="{colour}" stroke="#ffffff" stroke-width="1"/>']
    if pattern:
        parts.append(f'<rect {box} fill="{pattern}"/>')
    return parts


def _said(load: QuarterLoad) -> str:
    text = _("%(quarter)s: verfügbar %(available)s Stunden, geplant %(planned)s Stunden") % {
        "quarter": load.quarter.label,
        "available": number_text(load.available),
        "planned": number_text(load.planned),
    }
    if load.state == LoadState.OVERLOADED:
        text += " – " + _("überlastet um %(hours)s Stunden") % {"hours": number_text(load.excess)}
    elif load.state == LoadState.FULL:
        text += " – " + _("ausgelastet (%(share)s %%)") % {"share": load.utilisation}
    else:
        text += " – " + load.state_label
    return text + "."


def capacity_chart(
    loads: Sequence[QuarterLoad], *, title: str = "", description: str = "", chart_id: str | None = None
) -> SafeString:
    """Per quarter two bars: hours available, and hours planned; planned hours beyond the available ones are drawn
    in red with a hatching and the quarter says "überlastet"."""
    loads = list(loads)
    title = title or _("Verfügbare und geplante Stunden je Quartal")
    chart_id = _chart_id(chart_id, title, *(load.quarter.key for load in loads))
    if not loads:
        return _empty(chart_id, title, _("Keine Daten vorhanden."))
    body, dots, hatch = _patterns(chart_id)
    largest = float(max(max(load.available, load.planned) for load in loads)) or 1.0
    plot = WIDTH - LEFT - RIGHT
    top = 10.0

    def width_of(value) -> float:
        return plot * float(value) / largest

    bottom = top + GROUP * len(loads)
    right = WIDTH
    body.append(
        f'<line x1="{_f(LEFT)}" y1="{_f(top - 4)}" x2="{_f(LEFT)}" y2="{_f(bottom - 6)}" stroke="#1b1f24" '
        f'stroke-width="1"/>'
    )
    for index, load in enumerate(loads):
        y = top + GROUP * index
        body.append(_text(LEFT - 8, y + BAR + 4, load.quarter.label, anchor="end", weight="600"))
        available = width_of(load.available)
        body.extend(_bar(LEFT, y, available, AVAILABLE))
        offered = _("%(hours)s h verfügbar") % {"hours": number_text(load.available)}
        body.append(_text(LEFT + available + 6, y + BAR - 3.5, offered, anchor="start", size=12))
        right = max(right, LEFT + available + 6 + _text_width(offered, 12))
        y2 = y + BAR + GAP
        within = width_of(min(load.planned, load.available))
        body.extend(_bar(LEFT, y2, within, PLANNED, dots))
        excess = width_of(load.planned) - within if load.overloaded else 0.0
        body.extend(_bar(LEFT + within, y2, excess, EXCESS, hatch))
        end = LEFT + within + excess
        planned = _("%(hours)s h geplant") % {"hours": number_text(load.planned)}
        if load.overloaded:
            planned += " – " + _("überlastet (+%(hours)s h)") % {"hours": number_text(load.excess)}
        body.append(
            _text(end + 6, y2 + BAR - 3.5, planned, anchor="start", size=12, weight="700" if load.overloaded else "")
        )
        right = max(right, end + 6 + _text_width(planned, 12))
    legend = [
        (_("verfügbar"), AVAILABLE, ""),
        (_("geplant"), PLANNED, dots),
        (_("geplant über verfügbar: überlastet"), EXCESS, hatch),
    ]
    parts, legend_height = _swatch_legend(legend, bottom + 12, 20, WIDTH - 20)
    body.extend(parts)
    height = bottom + 12 + legend_height
    width = max(WIDTH, right + 8)
    words = [description] if description else []
    words += [_said(load) for load in loads]
    return _svg(chart_id, width, height, title, " ".join(words), body)
