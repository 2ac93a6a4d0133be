"""Writing the audit trail: services call `audit_record` after every change."""

from __future__ import annotations

import datetime
import decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditAction, AuditEntry

_NOT_AUDITED = {"id", "created_at", "updated_at", "version", "password", "last_login", "token_hash"}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | float):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    return str(value)


def snapshot(instance: models.Model) -> dict[str, dict[str, Any]]:
    """Field name -> {label, value} for every audited concrete field of `instance`."""
    result = {}
    for field in instance._meta.concrete_fields:
        if field.name in _NOT_AUDITED:
            continue
        if field.is_relation:
            value = getattr(instance, field.name) if getattr(instance, field.attname) is not None else None
        elif field.choices:
            value = getattr(instance, f"get_{field.name}_display")()
        else:
            value = field.value_from_object(instance)
        result[field.name] = {"label": str(field.verbose_name), "value": _plain(value)}
    return result


def _diff(before: dict | None, after: dict | None) -> list[dict[str, Any]]:
    before = before or {}
    after = after or {}
    changes = []
    for name in dict.fromkeys([*before, *after]):
        old = before.get(name, {}).get("value")
        new = after.get(name, {}).get("value")
        if old != new:
            label = (after.get(name) or before.get(name))["label"]
            changes.append({"field": name, "label": label, "before": old, "after": new})
    return changes


def _municipality_of(instance: models.Model):
    if instance._meta.label == "network.Municipality":
        return instance
    return getattr(instance, "municipality", None)


def audit_record(
    *,
    actor,
    instance: models.Model,
    action: str,
    before: dict | None = None,
    municipality=None,
) -> AuditEntry | None:
    """Store who changed what. `before` is a `snapshot` taken before the change."""
    after = None if action == AuditAction.DELETE else snapshot(instance)
    changes = _diff(before, after)
    if action == AuditAction.UPDATE and not changes:
        return None
    return audit_changes(actor=actor, instance=instance, action=action, changes=changes, municipality=municipality)


def audit_changes(
    *,
    actor,
    instance: models.Model,
    changes: list[dict[str, Any]],
    action: str = AuditAction.UPDATE,
    municipality=None,
) -> AuditEntry:
    """Store a prepared list of {field, label, before, after} changes (e.g. of many-to-many fields)."""
    municipality = municipality if municipality is not None else _municipality_of(instance)
    network_id = getattr(instance, "network_id", None)
    if network_id is None and municipality is not None:
        network_id = municipality.network_id
    authenticated = actor is not None and actor.is_authenticated
    return AuditEntry.objects.create(
        actor=actor if authenticated else None,
        actor_label=(actor.display_name if authenticated else "System"),
        network_id=network_id,
        municipality=municipality,
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=True),
        object_id=str(instance.pk),
        object_repr=str(instance)[:255],
        action=action,
        changes=changes,
    )
