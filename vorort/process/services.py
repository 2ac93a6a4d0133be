"""Writes for processes, phases, milestones and the network's phase definitions."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from vorort.core.audit import audit_record, snapshot
from vorort.core.concurrency import lock_current
from vorort.core.models import AuditAction
from vorort.core.services import create_audited, delete_audited, update_audited

from .models import DEFAULT_PHASES, Milestone, Phase, PhaseDefinition, PhaseStatus, Process


@transaction.atomic
def phase_definitions_ensure_defaults(*, actor, network) -> None:
    if PhaseDefinition.objects.filter(network=network).exists():
        return
    for order, (name, description) in enumerate(DEFAULT_PHASES, start=1):
        create_audited(
            actor=actor,
            instance=PhaseDefinition(network=network, name=name, description=description, order=order),
        )


@transaction.atomic
def process_create(*, actor, municipality) -> Process:
    process = create_audited(actor=actor, instance=Process(municipality=municipality))
    definitions = PhaseDefinition.objects.filter(network_id=municipality.network_id)
    Phase.objects.bulk_create([Phase(process=process, definition=d) for d in definitions])
    return process


@transaction.atomic
def phase_definition_create(*, actor, network, name: str, description: str = "") -> PhaseDefinition:
    """A new phase at the end; every process of the network gets it too."""
    order = (PhaseDefinition.objects.filter(network=network).aggregate(m=Max("order"))["m"] or 0) + 1
    definition = create_audited(
        actor=actor,
        instance=PhaseDefinition(network=network, name=name, description=description, order=order),
    )
    processes = Process.objects.filter(municipality__network=network)
    Phase.objects.bulk_create([Phase(process=p, definition=definition) for p in processes])
    return definition


@transaction.atomic
def phase_definition_update(*, actor, definition: PhaseDefinition, data: dict[str, Any]) -> PhaseDefinition:
    return update_audited(actor=actor, instance=definition, data=data)


@transaction.atomic
def phase_definition_move(*, actor, definition: PhaseDefinition, direction: str) -> None:
    """Swap a phase with its neighbour ("up" or "down") and renumber the network's phases 1..n."""
    definitions = list(PhaseDefinition.objects.select_for_update().filter(network_id=definition.network_id))
    index = next(i for i, d in enumerate(definitions) if d.pk == definition.pk)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(definitions):
        return
    definitions[index], definitions[target] = definitions[target], definitions[index]
    for position, item in enumerate(definitions, start=1):
        if item.order != position:
            before = snapshot(item)
            item.order = position
            item.save(update_fields=["order", "updated_at"])
            audit_record(actor=actor, instance=item, action=AuditAction.UPDATE, before=before)


@transaction.atomic
def phase_update(*, actor, phase: Phase, data: dict[str, Any], expected_version: int | None) -> Phase:
    data = dict(data)
    today = timezone.localdate()
    # A phase that starts or ends gets its actual dates unless the user gave them.
    if data.get("status") in (PhaseStatus.RUNNING, PhaseStatus.DONE) and not data.get("actual_start"):
        data["actual_start"] = phase.actual_start or today
    if data.get("status") == PhaseStatus.DONE and not data.get("actual_end"):
        data["actual_end"] = phase.actual_end or today
    return update_audited(
        actor=actor, instance=phase, data=data, expected_version=expected_version, municipality=phase.municipality
    )


@transaction.atomic
def milestone_create(*, actor, phase: Phase, title: str, due_date: datetime.date, owner=None) -> Milestone:
    return create_audited(
        actor=actor,
        instance=Milestone(phase=phase, title=title, due_date=due_date, owner=owner),
        municipality=phase.municipality,
    )


@transaction.atomic
def milestone_update(*, actor, milestone: Milestone, data: dict[str, Any], expected_version: int | None) -> Milestone:
    data = dict(data)
    if "done" in data:
        data["done_at"] = (milestone.done_at or timezone.now()) if data["done"] else None
    return update_audited(
        actor=actor,
        instance=milestone,
        data=data,
        expected_version=expected_version,
        municipality=milestone.municipality,
    )


@transaction.atomic
def milestone_set_done(*, actor, milestone: Milestone, done: bool) -> Milestone:
    """Tick or untick a milestone. Idempotent, so a double click never flips it back."""
    current = lock_current(milestone, None)
    if current.done == done:
        return current
    return milestone_update(actor=actor, milestone=current, data={"done": done}, expected_version=current.version)


@transaction.atomic
def milestone_delete(*, actor, milestone: Milestone) -> None:
    delete_audited(actor=actor, instance=milestone, municipality=milestone.municipality)
