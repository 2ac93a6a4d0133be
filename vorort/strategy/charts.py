"""The strategy's charts, drawn with vorort.core.charts (pages show a data table next to each)."""

from __future__ import annotations

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from vorort.core.charts import Series, line_chart, radar_chart

from .selectors import MAX_LEVEL


def round_radar(municipality, assessment_round, rows: list[dict], peers) -> SafeString:
    """This round's score per action field, with the network and size-class averages where known."""
    axes = [row["field"].name for row in rows]
    series = [Series(label=f"{municipality.name}: {assessment_round.title}", values=[row["score"] for row in rows])]
    if any(row["network"] is not None for row in rows):
        series.append(Series(label=_("Durchschnitt im Netzwerk"), values=[row["network"] for row in rows]))
    if any(row["size_class"] is not None for row in rows):
        series.append(
            Series(
                label=_("Durchschnitt %(size_class)s") % {"size_class": peers.size_class_label},
                values=[row["size_class"] for row in rows],
            )
        )
    return radar_chart(
        axes,
        series,
        title=_("Reifegrad je Handlungsfeld – %(title)s") % {"title": assessment_round.title},
        description=_(
            "Netzdiagramm: je Handlungsfeld der mittlere Reifegrad von 0 (nichts vorhanden) bis 4 (etabliert)."
        ),
        max_value=MAX_LEVEL,
        chart_id=f"round-{assessment_round.pk}",
    )


def progress_chart(history) -> SafeString:
    """The overall score (mean over the action fields) of each completed round."""
    points = [(result.round.conducted_on, result.overall) for result in history if result.overall is not None]
    return line_chart(
        points,
        title=_("Entwicklung des Reifegrads über die abgeschlossenen Runden"),
        description=_("Mittlerer Reifegrad über alle Handlungsfelder je Runde, Skala 0 bis 4."),
        unit=_("Stufe"),
        points_label=_("Reifegrad insgesamt"),
        y_min=0,
        y_max=MAX_LEVEL,
        chart_id="assessment-history",
    )


def indicator_chart(indicator, measurements) -> SafeString:
    """Measured values over time with the straight path from baseline to target."""
    return line_chart(
        [(m.measured_on, m.value) for m in measurements],
        title=_("Indikator „%(name)s“ im Zeitverlauf") % {"name": indicator.name},
        unit=indicator.unit,
        reference=[
            (indicator.baseline_date, indicator.baseline_value),
            (indicator.target_date, indicator.target_value),
        ],
        reference_label=_("Zielpfad: Ausgangswert → Zielwert"),
        points_label=_("Messwerte"),
        chart_id=f"indicator-{indicator.pk}",
    )
