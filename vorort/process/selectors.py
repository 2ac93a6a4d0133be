"""Reads for process steering. Callers pass a municipality already scoped by `municipality_for`."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from vorort.network.selectors import cockpit_municipalities
from vorort.resources.selectors import capacity_states

from .models import Milestone, Phase, PhaseDefinition, PhaseStatus, Process


def _milestones() -> QuerySet[Milestone]:
    return Milestone.objects.select_related("owner").order_by("due_date", "id")


def process_of(municipality) -> Process:
    """The process with its phases and their milestones, in a fixed number of queries."""
    phases = Phase.objects.select_related("definition").prefetch_related(Prefetch("milestones", queryset=_milestones()))
    process = get_object_or_404(
        Process.objects.select_related("municipality__network").prefetch_related(Prefetch("phases", queryset=phases)),
        municipality=municipality,
    )
    return process


def current_phase(process: Process) -> Phase | None:
    return pick_current(list(process.phases.all()))


def pick_current(phases: list[Phase]) -> Phase | None:
    """The first running phase; else the first open one; else the last."""
    for wanted in (PhaseStatus.RUNNING, PhaseStatus.OPEN):
        for phase in phases:
            if phase.status == wanted:
                return phase
    return phases[-1] if phases else None


def phase_in(municipality, pk: int) -> Phase:
    return get_object_or_404(
        Phase.objects.select_related("definition", "process__municipality__network"),
        process__municipality=municipality,
        pk=pk,
    )


def milestone_in(municipality, pk: int) -> Milestone:
    return get_object_or_404(
        Milestone.objects.select_related("owner", "phase__definition", "phase__process__municipality__network"),
        phase__process__municipality=municipality,
        pk=pk,
    )


def overdue_milestones(municipality) -> QuerySet[Milestone]:
    return (
        _milestones()
        .filter(phase__process__municipality=municipality, done=False, due_date__lt=timezone.localdate())
        .select_related("phase__definition")
    )


def upcoming_milestones(municipality, limit: int = 5) -> QuerySet[Milestone]:
    return (
        _milestones()
        .filter(phase__process__municipality=municipality, done=False, due_date__gte=timezone.localdate())
        .select_related("phase__definition")[:limit]
    )


def phase_definitions_of(network) -> QuerySet[PhaseDefinition]:
    return PhaseDefinition.objects.filter(network=network).order_by("order", "id")


def phase_definition_in(network, pk: int) -> PhaseDefinition:
    return get_object_or_404(phase_definitions_of(network), pk=pk)


@dataclass
class CockpitCell:
    phase: Phase | None  # None: the column is a phase of another network
    overdue: int


@dataclass
class CockpitRow:
    municipality: object
    cells: list[CockpitCell] = field(default_factory=list)
    current: Phase | None = None
    capacity: str = ""  # personnel capacity state (vorort.resources.capacity.LoadState), cockpit only

    @property
    def overdue(self) -> int:
        return sum(cell.overdue for cell in self.cells)


@dataclass
class Cockpit:
    definitions: list[PhaseDefinition]
    rows: list[CockpitRow]

    @property
    def overdue_total(self) -> int:
        return sum(row.overdue for row in self.rows)


def cockpit(user, *, size_class: str = "", rural: str = "") -> Cockpit:
    """The cockpit's municipalities × phases with overdue milestones counted, and each municipality's personnel
    capacity state: four queries."""
    overview = phase_overview(cockpit_municipalities(user, size_class=size_class, rural=rural))
    states = capacity_states(row.municipality.pk for row in overview.rows)
    for row in overview.rows:
        row.capacity = states[row.municipality.pk]
    return overview


def dashboard_rows(municipalities) -> list[CockpitRow]:
    return phase_overview(municipalities).rows


def phase_overview(municipalities) -> Cockpit:
    municipalities = list(municipalities)
    network_ids = {m.network_id for m in municipalities}
    # Columns grouped by network, so that towns of several networks (a coach's) keep their own columns.
    definitions = list(PhaseDefinition.objects.filter(network_id__in=network_ids).order_by("network_id", "order", "id"))
    today = timezone.localdate()
    phases = (
        Phase.objects.filter(process__municipality__in=[m.pk for m in municipalities])
        .select_related("definition", "process")
        .annotate(overdue=Count("milestones", filter=Q(milestones__done=False, milestones__due_date__lt=today)))
    )
    by_municipality: dict[int, dict[int, Phase]] = {}
    for phase in phases:
        by_municipality.setdefault(phase.process.municipality_id, {})[phase.definition_id] = phase
    rows = []
    for municipality in municipalities:
        own = by_municipality.get(municipality.pk, {})
        cells = [
            CockpitCell(own[d.pk], own[d.pk].overdue) if d.pk in own else CockpitCell(None, 0) for d in definitions
        ]
        current = pick_current([cell.phase for cell in cells if cell.phase is not None])
        rows.append(CockpitRow(municipality=municipality, cells=cells, current=current))
    return Cockpit(definitions=definitions, rows=rows)
