"""Template helpers of the strategy pages."""

from __future__ import annotations

from django import template

from vorort.core.templatetags.vorort_format import format_number

register = template.Library()


@register.filter
def score(value) -> str:
    """A maturity score with one decimal and a German comma; "–" if there is none."""
    return format_number(value, 1) if value is not None else "–"


@register.filter
def progress(indicator) -> int | None:
    """Progress in percent of an indicator annotated with `latest_value` (see selectors.indicators_with_latest)."""
    return indicator.progress_for(getattr(indicator, "latest_value", None))


@register.filter
def value_de(value) -> str:
    """A measured value: up to two decimals, German separators."""
    from vorort.core.charts import number_text

    return number_text(value) if value is not None else "–"
