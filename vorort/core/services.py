"""Helpers every app's services use to apply form data and write the audit entry."""

from __future__ import annotations

from typing import Any

from django.db import models

from .audit import audit_record, snapshot
from .concurrency import lock_current
from .models import AuditAction


def create_audited(*, actor, instance: models.Model, municipality=None, validated: bool = False) -> models.Model:
    """Save a new object and audit it. `validated=True`: the caller has already checked every field and
    constraint in one batch (an import's dry run); the database constraints still guard the write."""
    if not validated:
        instance.full_clean()
    instance.save()
    audit_record(actor=actor, instance=instance, action=AuditAction.CREATE, municipality=municipality)
    return instance


def update_audited(
    *,
    actor,
    instance: models.Model,
    data: dict[str, Any],
    expected_version: int | None = None,
    municipality=None,
) -> models.Model:
    """Apply `data` to the locked current row; refuse if the version moved on; audit the diff."""
    versioned = hasattr(instance, "version")
    current = lock_current(instance, expected_version) if versioned else instance
    before = snapshot(current)
    for name, value in data.items():
        setattr(current, name, value)
    current.full_clean()
    if versioned:
        current.version += 1
    current.save()
    audit_record(actor=actor, instance=current, action=AuditAction.UPDATE, before=before, municipality=municipality)
    return current


def delete_audited(*, actor, instance: models.Model, municipality=None) -> None:
    before = snapshot(instance)
    audit_record(actor=actor, instance=instance, action=AuditAction.DELETE, before=before, municipality=municipality)
    instance.delete()
