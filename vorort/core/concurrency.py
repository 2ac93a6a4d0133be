"""Optimistic locking: an edit based on a stale version is refused, never silently applied."""

from __future__ import annotations

from typing import TypeVar

from django.db import models
from django.utils.translation import gettext as _

M = TypeVar("M", bound=models.Model)


class StaleEditError(Exception):
    """The object changed since the form was opened."""

    def __init__(self, current: models.Model):
        self.current = current
        super().__init__(
            _(
                "Jemand anderes hat diesen Eintrag inzwischen geändert. Ihre Eingaben sind unten erhalten; "
                "bitte prüfen Sie die aktuelle Fassung und speichern Sie erneut."
            )
        )


def lock_current(instance: M, expected_version: int | None) -> M:
    """Re-read `instance` under a row lock and check it is still at `expected_version`."""
    current = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
    if expected_version is not None and current.version != expected_version:
        raise StaleEditError(current)
    return current
