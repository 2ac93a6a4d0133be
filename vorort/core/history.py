"""Which objects have a "Verlauf" page, and how to find one inside a municipality (else 404)."""

from __future__ import annotations

from collections.abc import Callable

_LOOKUPS: dict[str, Callable] = {}


def register_history(model_label: str, lookup: Callable) -> None:
    """`lookup(municipality, pk)` returns the object or raises Http404."""
    _LOOKUPS[model_label.lower()] = lookup


def history_lookup(model_label: str) -> Callable | None:
    return _LOOKUPS.get(model_label.lower())
