"""Reads for a municipality's workspace overview: one page a mayor understands at a glance.

`workspace_overview` gathers the phase, the vision, the latest Reifegrad-Check, measures by action field and
status, foci, indicator progress, due milestones of the process and of measures, and the traffic lights of the
latest status reports. Callers pass a municipality already scoped by `municipality_view`; every query stays
inside it and the number of queries does not depend on the amount of data.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When, Window
from django.db.models.functions import Coalesce
from django.utils import timezone

from vorort.measures.models import Measure, MeasureMilestone, MeasureStatus, StatusReport, TrafficLight
from vorort.network.models import ActionField
from vorort.process import selectors as process_selectors
from vorort.process.models import Milestone, Phase, PhaseStatus, Process
from vorort.resources.selectors import CapacitySummary, capacity_summary
from vorort.strategy import selectors as strategy_selectors
from vorort.strategy.models import AssessmentRound, Focus, Goal, Indicator, VisionState, VisionVersion

INDICATOR_LIMIT = 10
OVERDUE_LIMIT = 10
UPCOMING_LIMIT = 6
FLAGGED_LIMIT = 6
# Measures put aside: their open milestones and old reports call for no action.
INACTIVE_STATUSES = (MeasureStatus.DEFERRED, MeasureStatus.REJECTED)


# Process ------------------------------------------------------------------------------------------------------


@dataclass
class PhaseProgress:
    process: Process
    phases: list[Phase]
    current: Phase | None

    @property
    def total(self) -> int:
        return len(self.phases)

    @property
    def position(self) -> int:
        """1-based place of the current phase (0 without phases)."""
        return self.phases.index(self.current) + 1 if self.current is not None else 0

    @property
    def done(self) -> int:
        return sum(1 for phase in self.phases if phase.status == PhaseStatus.DONE)


# Vision and assessment ----------------------------------------------------------------------------------------


@dataclass
class VisionSummary:
    latest: VisionVersion | None  # the newest version, adopted or draft
    adopted: VisionVersion | None  # the newest adopted version: the vision in force

    @property
    def draft_pending(self) -> VisionVersion | None:
        """A draft newer than the version in force (or the only version, if none is adopted yet)."""
        if self.latest is not None and self.latest.state == VisionState.DRAFT:
            return self.latest
        return None


def vision_summary(municipality) -> VisionSummary:
    """The newest version and the newest adopted one: one query."""
    newest = VisionVersion.objects.filter(municipality=OuterRef("municipality")).order_by("-number").values("pk")[:1]
    newest_adopted = (
        VisionVersion.objects.filter(municipality=OuterRef("municipality"), state=VisionState.ADOPTED)
        .order_by("-number")
        .values("pk")[:1]
    )
    versions = list(
        VisionVersion.objects.filter(municipality=municipality)
        .filter(Q(pk=Subquery(newest)) | Q(pk=Subquery(newest_adopted)))
        .order_by("-number")
    )
    adopted = next((v for v in versions if v.state == VisionState.ADOPTED), None)
    return VisionSummary(latest=versions[0] if versions else None, adopted=adopted)


@dataclass
class AssessmentSummary:
    round: AssessmentRound
    overall: Decimal | None  # mean level 0–4 over the action fields, one decimal


def assessment_summary(municipality) -> AssessmentSummary | None:
    """The latest completed Reifegrad-Check with its overall score: two queries (one without a round)."""
    latest = strategy_selectors.latest_completed_round(municipality)
    if latest is None:
        return None
    means = strategy_selectors.field_means([latest.pk]).get(latest.pk, {})
    return AssessmentSummary(round=latest, overall=strategy_selectors.overall_score(means))


# Measures by action field and status --------------------------------------------------------------------------


@dataclass
class StatusColumn:
    value: str
    label: str
    total: int


@dataclass
class MatrixRow:
    action_field: ActionField
    counts: list[tuple[str, int]]  # (status value, number) in lifecycle order
    total: int

    @property
    def cells(self) -> list[tuple[str, str, int]]:
        """(status value, status label, number) in lifecycle order."""
        labels = dict(MeasureStatus.choices)
        return [(value, str(labels[value]), number) for value, number in self.counts]


@dataclass
class MeasureMatrix:
    statuses: list[StatusColumn]
    rows: list[MatrixRow]
    total: int

    @property
    def used_statuses(self) -> list[StatusColumn]:
        return [status for status in self.statuses if status.total]


def measure_matrix(municipality, action_fields: list[ActionField]) -> MeasureMatrix:
    """Number of measures per (primary) action field × status, every field and status listed: one query."""
    counted: dict[tuple[int, str], int] = {
        (row["action_field_id"], row["status"]): row["n"]
        for row in Measure.objects.filter(municipality=municipality)
        .order_by()
        .values("action_field_id", "status")
        .annotate(n=Count("id"))
    }
    statuses = MeasureStatus.choices
    rows = []
    for action_field in action_fields:
        counts = [(value, counted.get((action_field.pk, value), 0)) for value, _label in statuses]
        rows.append(MatrixRow(action_field=action_field, counts=counts, total=sum(n for _v, n in counts)))
    columns = [
        StatusColumn(value=value, label=str(label), total=sum(n for (_f, s), n in counted.items() if s == value))
        for value, label in statuses
    ]
    return MeasureMatrix(statuses=columns, rows=rows, total=sum(counted.values()))


# Foci ---------------------------------------------------------------------------------------------------------


@dataclass
class FocusGroup:
    action_field: ActionField
    foci: list[Focus]  # annotated with goal_count and measure_count


def _count_of(queryset: QuerySet, link: str) -> Coalesce:
    counted = queryset.filter(**{link: OuterRef("pk")}).order_by().values(link).annotate(n=Count("id")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def focus_groups(municipality, action_fields: list[ActionField]) -> list[FocusGroup]:
    """The foci of each action field that has some, with their number of goals and measures: one query."""
    foci = (
        Focus.objects.filter(municipality=municipality)
        .annotate(
            goal_count=_count_of(Goal.objects.all(), "focus"),
            measure_count=_count_of(Measure.objects.filter(municipality=municipality), "focus"),
        )
        .order_by("action_field__order", "action_field__name", "order", "title", "id")
    )
    by_field: dict[int, list[Focus]] = {}
    for focus in foci:
        by_field.setdefault(focus.action_field_id, []).append(focus)
    return [FocusGroup(f, by_field[f.pk]) for f in action_fields if f.pk in by_field]


# Indicators ---------------------------------------------------------------------------------------------------


@dataclass
class IndicatorProgress:
    indicator: Indicator  # annotated with latest_value and latest_date
    progress: int | None  # percent of the way from baseline to target, None without a measurement


def indicator_progress(municipality, limit: int = INDICATOR_LIMIT) -> tuple[list[IndicatorProgress], int]:
    """The first `limit` indicators (by action field, focus, name) with their latest value, and how many there
    are in all: one query."""
    indicators = list(
        strategy_selectors.indicators_with_latest()
        .filter(municipality=municipality)
        .select_related("goal__focus__action_field")
        .annotate(total=Window(Count("id")))
        .order_by(
            "goal__focus__action_field__order", "goal__focus__order", "goal__focus__title", "goal__order", "name", "id"
        )[:limit]
    )
    rows = [IndicatorProgress(i, i.progress_for(i.latest_value)) for i in indicators]
    return rows, (indicators[0].total if indicators else 0)


# Milestones ---------------------------------------------------------------------------------------------------


@dataclass
class DueItem:
    """A milestone of the process or of a measure, on one list."""

    milestone: Milestone | MeasureMilestone
    overdue: bool
    days: int  # days since it was due (overdue) or until it is due (upcoming)

    @property
    def is_measure(self) -> bool:
        return isinstance(self.milestone, MeasureMilestone)

    @property
    def due_date(self) -> datetime.date:
        return self.milestone.due_date

    @property
    def sort_key(self) -> tuple:
        return (self.milestone.due_date, self.is_measure, self.milestone.pk)


@dataclass
class Deadlines:
    overdue: list[DueItem]
    overdue_total: int
    overdue_process: int
    overdue_measures: int
    upcoming: list[DueItem]


def _open_measure_milestones(municipality) -> QuerySet[MeasureMilestone]:
    return (
        MeasureMilestone.objects.filter(measure__municipality=municipality, done=False)
        .exclude(measure__status__in=INACTIVE_STATUSES)
        .select_related("measure")
    )


def deadlines(municipality, phases: list[Phase], today: datetime.date) -> Deadlines:
    """Overdue and upcoming milestones of the process (from the prefetched phases) and of the measures (two
    queries). Milestones of deferred or rejected measures are left out."""
    process_open = [m for phase in phases for m in phase.milestones.all() if not m.done]

    def item(milestone) -> DueItem:
        days = (milestone.due_date - today).days
        return DueItem(milestone, overdue=days < 0, days=abs(days))

    process_overdue = [item(m) for m in process_open if m.due_date < today]
    process_upcoming = [item(m) for m in process_open if m.due_date >= today]

    measure_overdue = list(
        _open_measure_milestones(municipality)
        .filter(due_date__lt=today)
        .annotate(total=Window(Count("id")))
        .order_by("due_date", "id")[:OVERDUE_LIMIT]
    )
    measure_overdue_total = measure_overdue[0].total if measure_overdue else 0
    measure_upcoming = list(
        _open_measure_milestones(municipality).filter(due_date__gte=today).order_by("due_date", "id")[:UPCOMING_LIMIT]
    )

    overdue = sorted(process_overdue + [item(m) for m in measure_overdue], key=lambda due: due.sort_key)
    upcoming = sorted(process_upcoming + [item(m) for m in measure_upcoming], key=lambda due: due.sort_key)
    return Deadlines(
        overdue=overdue[:OVERDUE_LIMIT],
        overdue_total=len(process_overdue) + measure_overdue_total,
        overdue_process=len(process_overdue),
        overdue_measures=measure_overdue_total,
        upcoming=upcoming[:UPCOMING_LIMIT],
    )


# Traffic lights -----------------------------------------------------------------------------------------------


@dataclass
class TrafficLights:
    counts: list[tuple[str, str, int]]  # (value, label, number of measures) red, yellow, green
    flagged: list[StatusReport]  # latest reports that are red or yellow, red first

    @property
    def reported(self) -> int:
        return sum(n for _v, _l, n in self.counts)

    @property
    def flagged_total(self) -> int:
        return sum(n for value, _l, n in self.counts if value != TrafficLight.GREEN)


def traffic_lights(municipality, limit: int = FLAGGED_LIMIT) -> TrafficLights:
    """Each active measure's latest status report: the number per light, and the red and yellow ones (two
    queries)."""
    newest = StatusReport.objects.filter(measure=OuterRef("measure_id")).order_by("-reported_on", "-id").values("pk")
    latest = (
        StatusReport.objects.filter(measure__municipality=municipality)
        .exclude(measure__status__in=INACTIVE_STATUSES)
        .filter(pk=Subquery(newest[:1]))
    )
    counted = dict(latest.order_by().values_list("traffic_light").annotate(n=Count("id")))
    order = [TrafficLight.RED, TrafficLight.YELLOW, TrafficLight.GREEN]
    flagged = list(
        latest.filter(traffic_light__in=[TrafficLight.RED, TrafficLight.YELLOW])
        .select_related("measure")
        .annotate(
            severity=Case(
                When(traffic_light=TrafficLight.RED, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("severity", "-reported_on", "-id")[:limit]
    )
    return TrafficLights(
        counts=[(light.value, str(light.label), counted.get(light.value, 0)) for light in order], flagged=flagged
    )


# Everything ---------------------------------------------------------------------------------------------------


@dataclass
class WorkspaceOverview:
    today: datetime.date
    process: PhaseProgress
    vision: VisionSummary
    assessment: AssessmentSummary | None
    action_fields: list[ActionField]
    measures: MeasureMatrix
    foci: list[FocusGroup]
    indicators: list[IndicatorProgress]
    indicator_total: int
    deadlines: Deadlines
    lights: TrafficLights
    fields_without_focus: list[ActionField] = field(default_factory=list)
    capacity: CapacitySummary | None = None

    @property
    def is_empty(self) -> bool:
        """Nothing started yet beyond the process itself: the page then shows where to begin."""
        return (
            self.assessment is None
            and self.vision.latest is None
            and not self.measures.total
            and not self.foci
            and not self.indicator_total
        )


def workspace_overview(municipality, *, today: datetime.date | None = None) -> WorkspaceOverview:
    """Everything the overview shows in 15 queries (14 without a completed Reifegrad-Check), whatever the
    amount of data."""
    today = today or timezone.localdate()
    process = process_selectors.process_of(municipality)
    phases = list(process.phases.all())
    action_fields = strategy_selectors.action_fields_for(municipality)
    groups = focus_groups(municipality, action_fields)
    with_focus = {group.action_field.pk for group in groups}
    indicators, indicator_total = indicator_progress(municipality)
    return WorkspaceOverview(
        today=today,
        process=PhaseProgress(process=process, phases=phases, current=process_selectors.pick_current(phases)),
        vision=vision_summary(municipality),
        assessment=assessment_summary(municipality),
        action_fields=action_fields,
        measures=measure_matrix(municipality, action_fields),
        foci=groups,
        indicators=indicators,
        indicator_total=indicator_total,
        deadlines=deadlines(municipality, phases, today),
        lights=traffic_lights(municipality),
        fields_without_focus=[f for f in action_fields if f.pk not in with_focus],
        capacity=capacity_summary(municipality, today=today),
    )
