"""The result of a participation as a bar chart (vorort.core.charts); pages show the same numbers in a table."""

from __future__ import annotations

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from vorort.core.charts import Bar, bar_chart


def support_chart(participation, measures) -> SafeString:
    """One bar per measure: its supporting votes in this participation (`measure.support`)."""
    return bar_chart(
        [Bar(label=measure.title, value=measure.support) for measure in measures],
        title=_("Unterstützung je Maßnahme – %(title)s") % {"title": participation.title},
        description=_("Balkendiagramm: Zahl der Stimmen je Maßnahme."),
        chart_id=f"participation-{participation.pk}",
    )
