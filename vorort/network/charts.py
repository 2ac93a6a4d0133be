"""Charts of the workspace overview, drawn with vorort.core.charts (the page shows a data table next to each)."""

from __future__ import annotations

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from vorort.core.charts import Series, stacked_bar_chart

from .overview import MeasureMatrix

# One colour per measure status (white text on each has at least 4.5:1); the chart adds a fill pattern per
# status, so the segments never differ by colour alone.
STATUS_COLOURS = {
    "idee": "#5b6670",
    "geplant": "#0b4f71",
    "beschlossen": "#5e35b1",
    "in_umsetzung": "#8a4b00",
    "abgeschlossen": "#1e6b34",
    "verstetigt": "#00616b",
    "zurueckgestellt": "#6b5b00",
    "verworfen": "#a4161a",
}


def measure_chart(matrix: MeasureMatrix) -> SafeString | None:
    """Measures per action field, stacked by status (only statuses that occur); None without measures."""
    if not matrix.total:
        return None
    statuses = matrix.used_statuses
    series = [
        Series(
            label=f"{status.label} ({status.total})",
            values=[dict(row.counts)[status.value] for row in matrix.rows],
            colour=STATUS_COLOURS.get(status.value, ""),
        )
        for status in statuses
    ]
    return stacked_bar_chart(
        [row.action_field.name for row in matrix.rows],
        series,
        title=_("Maßnahmen je Handlungsfeld nach Status"),
        description=_("Balkendiagramm: je Handlungsfeld die Zahl der Maßnahmen, unterteilt nach ihrem Status."),
        chart_id="measures-by-field",
    )
