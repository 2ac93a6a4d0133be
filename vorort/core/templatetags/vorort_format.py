"""German number, money and date formatting for templates (1.234,50 €, 1. März 2026)."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import date_format

register = template.Library()


def format_number(value, decimals: int = 0) -> str:
    """1234.5 -> '1.234,50' (decimals=2). Empty string for None or non-numbers."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return ""
    text = f"{number:,.{decimals}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


@register.filter
def number_de(value, decimals=0) -> str:
    return format_number(value, int(decimals))


@register.filter
def euro(value) -> str:
    text = format_number(value, 2)
    return f"{text}\u00a0€" if text else ""


@register.filter
def percent(value, decimals=0) -> str:
    text = format_number(value, int(decimals))
    return f"{text}\u00a0%" if text else ""


@register.filter
def date_long(value) -> str:
    """1. März 2026"""
    if not isinstance(value, datetime.date):
        return ""
    return date_format(value, "j. F Y")
