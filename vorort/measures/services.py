"""Writes for measures. Every write is audited; the status history is kept here, nowhere else."""

from __future__ import annotations

import datetime
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vorort.core.audit import audit_changes, audit_record, snapshot
from vorort.core.concurrency import lock_current
from vorort.core.models import AuditAction
from vorort.core.services import create_audited, delete_audited, update_audited
from vorort.network.models import Municipality, UserGroup
from vorort.search.services import search_index_remove, search_index_update

from .models import Benefit, Measure, MeasureDependency, MeasureMilestone, StatusChange, StatusReport

BENEFIT_STRENGTHS = (0, 1, 2, 3)

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


def audit_measure_part(*, actor, measure: Measure, field: str, label: str, before: str, after: str) -> bool:
    """Record a change to a part of a measure kept in other tables (benefits, dependencies, partners) in the
    measure's own history, as one field before → after. Returns whether anything changed."""
    if before == after:
        return False
    audit_changes(
        actor=actor,
        instance=measure,
        municipality=measure.municipality,
        changes=[{"field": field, "label": label, "before": before, "after": after}],
    )
    return True


@transaction.atomic
def measure_create(
    *,
    actor,
    municipality,
    data: dict[str, Any],
    m2m: dict[str, Iterable] | None = None,
    status_note: str = "",
    validated: bool = False,
) -> Measure:
    """A new measure of `municipality`; its first status starts the status history.

    `validated=True` skips the per-row model validation for callers that validated in batch (imports)."""
    measure = create_audited(actor=actor, instance=Measure(municipality=municipality, **data), validated=validated)
    _audit_m2m(actor=actor, measure=measure, changes=_set_m2m(measure, m2m))
    _record_status(actor=actor, measure=measure, old="", note=status_note)
    search_index_update(measure)
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
    search_index_update(current)
    return current


@transaction.atomic
def measure_status_change(
    *,
    actor,
    measure: Measure,
    status: str,
    expected_version: int | None,
    on: datetime.date | None = None,
    note: str = "",
) -> Measure:
    """Move a measure to `status`, dated `on` (default today); the change enters the status history."""
    current = lock_current(measure, expected_version)
    if current.status == status:
        raise ValidationError(
            {
                "status": _("Die Maßnahme hat bereits den Status „%(status)s“.")
                % {"status": current.get_status_display()}
            }
        )
    return measure_update(
        actor=actor,
        measure=current,
        data={"status": status},
        expected_version=current.version,
        status_date=on,
        status_note=note,
    )


@transaction.atomic
def measure_set_public(*, actor, measure: Measure, is_public: bool, expected_version: int | None) -> Measure:
    """Publish a measure or take it back. Idempotent: a second click changes nothing."""
    current = lock_current(measure, expected_version)
    if current.is_public == is_public:
        return current
    return measure_update(actor=actor, measure=current, data={"is_public": is_public}, expected_version=current.version)


@transaction.atomic
def measure_delete(*, actor, measure: Measure) -> None:
    from vorort.portal.services import lessons_keep_internal  # the portal builds on measures: import late

    lessons_keep_internal(actor=actor, measure=measure)
    search_index_remove(measure)
    delete_audited(actor=actor, instance=measure, municipality=measure.municipality)


# Benefits (Mehrwert je Nutzer*innengruppe) -------------------------------------------------------


def _benefit_lines(benefits: Iterable[Benefit]) -> str:
    lines = []
    for benefit in sorted(benefits, key=lambda b: (b.user_group.order, b.user_group.name)):
        line = f"{benefit.user_group.name}: {benefit.strength}"
        if benefit.text:
            line += f" ({benefit.text})"
        lines.append(line)
    return "; ".join(lines)


@transaction.atomic
def benefit_matrix_save(
    *,
    actor,
    measure: Measure,
    rows: Mapping[int, tuple[int, str]],
    expected_version: int | None,
) -> Measure:
    """Store the whole benefit matrix of a measure: {user group id: (strength 0–3, text)}.

    A row with strength 0 and no text is no benefit at all and is not stored. The matrix is part of
    the measure, so saving it checks and raises the measure's version.
    """
    current = lock_current(measure, expected_version)
    municipality = current.municipality
    groups = {group.pk: group for group in UserGroup.objects.filter(network_id=municipality.network_id)}
    unknown = set(rows) - set(groups)
    if unknown:
        raise ValidationError(_("Unbekannte Nutzer*innengruppe."))
    existing = {benefit.user_group_id: benefit for benefit in current.benefits.select_related("user_group")}
    before = _benefit_lines(existing.values())
    after_benefits = dict(existing)
    for group_id, (strength, text) in rows.items():
        text = (text or "").strip()
        if strength not in BENEFIT_STRENGTHS:
            raise ValidationError({f"strength_{group_id}": _("Bitte eine Stärke von 0 bis 3 wählen.")})
        benefit = existing.get(group_id)
        if strength == 0 and not text:
            if benefit is not None:
                benefit.delete()
                del after_benefits[group_id]
            continue
        if benefit is None:
            benefit = Benefit(measure=current, user_group=groups[group_id], strength=strength, text=text)
        elif benefit.strength == strength and benefit.text == text:
            continue
        else:
            benefit.strength, benefit.text = strength, text
        benefit.full_clean()
        benefit.save()
        after_benefits[group_id] = benefit
    changed = audit_measure_part(
        actor=actor,
        measure=current,
        field="benefits",
        label=str(_("Mehrwert je Nutzer*innengruppe")),
        before=before,
        after=_benefit_lines(after_benefits.values()),
    )
    if changed:
        current.version += 1
        current.save(update_fields=["version", "updated_at"])
    search_index_update(current)
    return current


# Dependencies ---------------------------------------------------------------------------------------


def dependency_cycle(*, municipality_id: int, measure_id: int, depends_on_id: int) -> list[int] | None:
    """The cycle the link measure → depends_on would close, as measure ids from `measure` back to it."""
    edges: dict[int, list[int]] = defaultdict(list)
    links = MeasureDependency.objects.filter(measure__municipality_id=municipality_id).values_list(
        "measure_id", "depends_on_id"
    )
    for source, target in links:
        edges[source].append(target)
    parents: dict[int, int | None] = {depends_on_id: None}
    queue = deque([depends_on_id])
    while queue:
        node = queue.popleft()
        if node == measure_id:
            path = []
            step: int | None = node
            while step is not None:
                path.append(step)
                step = parents[step]
            return [measure_id, *reversed(path)]
        for target in edges[node]:
            if target not in parents:
                parents[target] = node
                queue.append(target)
    return None


def _dependency_titles(measure: Measure) -> str:
    return ", ".join(sorted(measure.dependencies.values_list("title", flat=True)))


@transaction.atomic
def dependency_add(*, actor, measure: Measure, depends_on: Measure) -> MeasureDependency:
    """`measure` depends on `depends_on` (same municipality). A link that would close a cycle is refused."""
    if depends_on.municipality_id != measure.municipality_id:
        raise ValidationError({"depends_on": _("Abhängigkeiten gibt es nur zwischen Maßnahmen derselben Kommune.")})
    if depends_on.pk == measure.pk:
        raise ValidationError({"depends_on": _("Eine Maßnahme kann nicht von sich selbst abhängen.")})
    # One writer per municipality at a time, so two concurrent links cannot close a cycle together.
    Municipality.objects.select_for_update().filter(pk=measure.municipality_id).first()
    if MeasureDependency.objects.filter(measure=measure, depends_on=depends_on).exists():
        raise ValidationError(
            {"depends_on": _("„%(title)s“ hängt bereits von „%(other)s“ ab.") % {"title": measure, "other": depends_on}}
        )
    cycle = dependency_cycle(
        municipality_id=measure.municipality_id, measure_id=measure.pk, depends_on_id=depends_on.pk
    )
    if cycle:
        titles = dict(Measure.objects.filter(pk__in=cycle).values_list("pk", "title"))
        chain = " → ".join(f"„{titles[pk]}“" for pk in cycle)
        raise ValidationError(
            {
                "depends_on": _(
                    "Diese Abhängigkeit würde einen Kreis bilden: %(chain)s. Keine Maßnahme kann über Umwege "
                    "von sich selbst abhängen."
                )
                % {"chain": chain}
            }
        )
    before = _dependency_titles(measure)
    link = MeasureDependency(measure=measure, depends_on=depends_on)
    link.full_clean()
    link.save()
    _audit_dependencies(actor=actor, measure=measure, before=before)
    return link


@transaction.atomic
def dependency_remove(*, actor, link: MeasureDependency) -> None:
    measure = link.measure
    before = _dependency_titles(measure)
    link.delete()
    _audit_dependencies(actor=actor, measure=measure, before=before)


def _audit_dependencies(*, actor, measure: Measure, before: str) -> None:
    audit_measure_part(
        actor=actor,
        measure=measure,
        field="dependencies",
        label=str(Measure._meta.get_field("dependencies").verbose_name),
        before=before,
        after=_dependency_titles(measure),
    )


# Milestones and status reports ------------------------------------------------------------------


@transaction.atomic
def measure_milestone_create(*, actor, measure: Measure, title: str, due_date: datetime.date) -> MeasureMilestone:
    return create_audited(
        actor=actor,
        instance=MeasureMilestone(measure=measure, title=title, due_date=due_date),
        municipality=measure.municipality,
    )


@transaction.atomic
def measure_milestone_update(
    *, actor, milestone: MeasureMilestone, data: dict[str, Any], expected_version: int | None
) -> MeasureMilestone:
    data = dict(data)
    if "done" in data:
        data["done_at"] = (milestone.done_at or timezone.now()) if data["done"] else None
    return update_audited(
        actor=actor,
        instance=milestone,
        data=data,
        expected_version=expected_version,
        municipality=milestone.measure.municipality,
    )


@transaction.atomic
def measure_milestone_set_done(*, actor, milestone: MeasureMilestone, done: bool) -> MeasureMilestone:
    """Tick or untick a milestone. Idempotent, so a double click never flips it back."""
    current = lock_current(milestone, None)
    if current.done == done:
        return current
    current.measure = milestone.measure
    return measure_milestone_update(
        actor=actor, milestone=current, data={"done": done}, expected_version=current.version
    )


@transaction.atomic
def measure_milestone_delete(*, actor, milestone: MeasureMilestone) -> None:
    delete_audited(actor=actor, instance=milestone, municipality=milestone.measure.municipality)


@transaction.atomic
def status_report_create(
    *, actor, measure: Measure, reported_on: datetime.date, traffic_light: str, text: str
) -> StatusReport:
    author = actor if actor is not None and actor.is_authenticated else None
    return create_audited(
        actor=actor,
        instance=StatusReport(
            measure=measure, reported_on=reported_on, traffic_light=traffic_light, text=text, author=author
        ),
        municipality=measure.municipality,
    )


@transaction.atomic
def status_report_delete(*, actor, report: StatusReport) -> None:
    delete_audited(actor=actor, instance=report, municipality=report.measure.municipality)
