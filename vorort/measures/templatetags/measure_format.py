"""Number formatting for measure pages: decimals only where the value has some (12,5 but 50)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import template

from vorort.core.templatetags.vorort_format import format_number

register = template.Library()


@register.filter
def decimal_de(value, decimals=2) -> str:
    """Decimal('50.00') -> '50', Decimal('12.50') -> '12,50', Decimal('1234.5') -> '1.234,50' (decimals=2)."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return ""
    return format_number(number, 0 if number == number.to_integral_value() else int(decimals))
