"""Template helpers for the capacity warnings that other apps' pages include."""

from __future__ import annotations

from django import template

from vorort.resources import selectors
from vorort.resources.capacity import LoadState

register = template.Library()

_STAFFING = "_vorort_staffing"


@register.simple_tag
def measure_staffing(measure) -> selectors.Staffing:
    """The measure's assignments and overloaded people, read once per page (two queries) however often used."""
    cached = getattr(measure, _STAFFING, None)
    if cached is None:
        cached = selectors.measure_staffing(measure)
        setattr(measure, _STAFFING, cached)
    return cached


@register.filter
def load_label(state: str) -> str:
    """The German label of a capacity state ("überlastet", "ausgelastet", "frei", "keine Angaben")."""
    return LoadState.label(state) if state in LoadState.LABELS else ""
