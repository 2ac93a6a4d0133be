"""Writes for measures. Every write is audited; the status history is kept here, nowhere else."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from vorort.core.audit import audit_changes, audit_record, snapshot
from vorort.core.concurrency import lock_current
from vorort.core.models import AuditAction
from vorort.core.services import create_audited

from .models import Measure, StatusChange

M2M_FIELDS = ("further_action_fields", "goals", "partner_municipalities")


def _record_status(*, actor, measure: Measure, old: str, on: datetime.date | None = None, note: str = "") -> None:
    StatusChange.objects.create(
        measure=measure,
        from_status=old,
        to_status=measure.status,
        changed_on=on or timezone.localdate(),
        changed_by=actor if actor is not None and actor.is_authenticated else None,
        note=note,
    )


def _set_m2m(measure: Measure, m2m: dict[str, Iterable] | None) -> dict[str, Any]:
    """Apply many-to-many values; returns {field: (before, after)} for the audit entry."""
    changes = {}
    for name, values in (m2m or {}).items():
        if name not in M2M_FIELDS:
            raise ValueError(f"unknown many-to-many field {name}")
        manager = getattr(measure, name)
        before = sorted(str(item) for item in manager.all())
        manager.set(list(values))
        after = sorted(str(item) for item in manager.all())
        if before != after:
            changes[name] = (before, after)
    return changes


def _audit_m2m(*, actor, measure: Measure, changes: dict[str, Any]) -> None:
    if changes:
        audit_changes(
            actor=actor,
            instance=measure,
            changes=[
                {
                    "field": name,
                    "label": str(Measure._meta.get_field(name).verbose_name),
                    "before": ", ".join(old),
                    "after": ", ".join(new),
                }
                for name, (old, new) in changes.items()
            ],
        )


@transaction.atomic
def measure_create(
    *,
    actor,
    municipality,
    data: dict[str, Any],
    m2m: dict[str, Iterable] | None = None,
    status_note: str = "",
) -> Measure:
    """A new measure of `municipality`; its first status starts the status history."""
    measure = create_audited(actor=actor, instance=Measure(municipality=municipality, **data))
    _audit_m2m(actor=actor, measure=measure, changes=_set_m2m(measure, m2m))
    _record_status(actor=actor, measure=measure, old="", note=status_note)
    return measure


@transaction.atomic
def measure_update(
    *,
    actor,
    measure: Measure,
    data: dict[str, Any],
    expected_version: int | None,
    m2m: dict[str, Iterable] | None = None,
    status_date: datetime.date | None = None,
    status_note: str = "",
) -> Measure:
    """Change fields of a measure; refused with StaleEditError if someone saved in between."""
    current = lock_current(measure, expected_version)
    before = snapshot(current)
    old_status = current.status
    for name, value in data.items():
        setattr(current, name, value)
    current.full_clean()
    current.version += 1
    current.save()
    audit_record(actor=actor, instance=current, action=AuditAction.UPDATE, before=before)
    _audit_m2m(actor=actor, measure=current, changes=_set_m2m(current, m2m))
    if current.status != old_status:
        _record_status(actor=actor, measure=current, old=old_status, on=status_date, note=status_note)
    return current
