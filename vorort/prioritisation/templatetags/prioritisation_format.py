"""Shares and scores of the prioritisation in German notation."""

from __future__ import annotations

from django import template

from vorort.core.templatetags.vorort_format import format_number

register = template.Library()


@register.filter
def share_percent(share, decimals=1) -> str:
    """0.125 -> '12,5 %'; empty for None."""
    if share is None or share == "":
        return ""
    return f"{format_number(float(share) * 100, int(decimals))}\u00a0%"


@register.filter
def scaled(value) -> str:
    """A scaled value 0…1 with two decimals: '0,75'."""
    if value is None:
        return ""
    return format_number(value, 2)
