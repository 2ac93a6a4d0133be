"""Reads for measures. Callers pass a municipality already scoped by `municipality_for`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Prefetch, QuerySet, Value, When
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404

from vorort.network.models import ActionField, UserGroup
from vorort.resources.models import Involvement, Partner
from vorort.strategy.models import Focus, Goal

from .models import Benefit, Measure, MeasureDependency, MeasureMilestone, MeasureStatus, StatusChange, StatusReport

PAGE_SIZE = 25

# Sort keys as they appear in the address (?sortierung=…) → the columns they order by.
SORTS: dict[str, str] = {
    "titel": "title",
    "status": "status",
    "beginn": "start_date",
    "kosten": "investment_cost",
    "geaendert": "updated_at",
}
DEFAULT_SORT = "titel"


def _status_position() -> Case:
    """Statuses in lifecycle order (Idee … Verworfen), not alphabetically."""
    return Case(
        *[When(status=value, then=Value(position)) for position, value in enumerate(MeasureStatus.values)],
        output_field=IntegerField(),
    )


def measures_of(municipality) -> QuerySet[Measure]:
    return Measure.objects.filter(municipality=municipality)


def action_fields_for(municipality) -> QuerySet[ActionField]:
    return ActionField.objects.filter(network_id=municipality.network_id).order_by("order", "name")


def user_groups_for(municipality) -> QuerySet[UserGroup]:
    return UserGroup.objects.filter(network_id=municipality.network_id).order_by("order", "name")


def foci_of(municipality) -> QuerySet[Focus]:
    return Focus.objects.filter(municipality=municipality).select_related("action_field")


def partners_of(municipality) -> QuerySet[Partner]:
    return Partner.objects.filter(municipality=municipality).order_by("name")


def measure_list(municipality, filters: dict[str, Any] | None = None, sort: str = DEFAULT_SORT) -> QuerySet[Measure]:
    """The municipality's measures, filtered and sorted; each row needs no further query."""
    filters = filters or {}
    queryset = measures_of(municipality).select_related("action_field")
    if text := (filters.get("q") or "").strip():
        queryset = queryset.filter(title__icontains=text)
    if action_field := filters.get("handlungsfeld"):
        queryset = queryset.filter(action_field=action_field)
    if status := filters.get("status"):
        queryset = queryset.filter(status=status)
    if group := filters.get("gruppe"):
        queryset = queryset.filter(
            Exists(Benefit.objects.filter(measure=OuterRef("pk"), user_group=group, strength__gte=1))
        )
    if focus := filters.get("schwerpunkt"):
        queryset = queryset.filter(focus=focus)
    public = filters.get("oeffentlich")
    if public == "ja":
        queryset = queryset.filter(is_public=True)
    elif public == "nein":
        queryset = queryset.filter(is_public=False)
    return sort_measures(queryset, sort)


def sort_measures(queryset: QuerySet[Measure], sort: str) -> QuerySet[Measure]:
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in SORTS:
        key, descending = DEFAULT_SORT, False
    if key == "titel":
        expression = Lower("title")
    elif key == "status":
        expression = _status_position()
    else:
        expression = F(SORTS[key])
    ordered = expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)
    tiebreak = "-id" if descending else "id"
    return queryset.order_by(ordered, tiebreak)


def status_counts(municipality) -> list[tuple[str, str, int]]:
    """(value, label, number) for every status, in lifecycle order, from one query."""
    counted = dict(measures_of(municipality).order_by().values_list("status").annotate(n=Count("id")))
    return [(value, label, counted.get(value, 0)) for value, label in MeasureStatus.choices]


def measure_in(municipality, pk: int) -> Measure:
    return get_object_or_404(
        measures_of(municipality).select_related("municipality__network", "action_field", "focus"), pk=pk
    )


def measure_detail(municipality, pk: int) -> Measure:
    """A measure with everything its page shows, in a fixed number of queries."""
    queryset = (
        measures_of(municipality)
        .select_related("municipality__network", "action_field", "focus", "source_measure__municipality")
        .prefetch_related(
            "further_action_fields",
            Prefetch("goals", queryset=_goals()),
            "partner_municipalities",
            Prefetch("benefits", queryset=Benefit.objects.select_related("user_group")),
            Prefetch("status_changes", queryset=StatusChange.objects.select_related("changed_by")),
            Prefetch(
                "dependency_links",
                queryset=MeasureDependency.objects.select_related("depends_on").order_by("depends_on__title"),
            ),
            Prefetch(
                "dependent_links",
                queryset=MeasureDependency.objects.select_related("measure").order_by("measure__title"),
            ),
            Prefetch("milestones", queryset=MeasureMilestone.objects.order_by("due_date", "id")),
            Prefetch("reports", queryset=StatusReport.objects.select_related("author")),
            Prefetch("involvements", queryset=Involvement.objects.select_related("partner")),
        )
    )
    return get_object_or_404(queryset, pk=pk)


def _goals() -> QuerySet[Goal]:
    return Goal.objects.select_related("focus")


@dataclass
class BenefitRow:
    group: UserGroup
    strength: int
    text: str


def benefit_rows(measure: Measure, groups) -> list[BenefitRow]:
    """One row per user group of the network, in the network's order, 0 where nothing is stored."""
    stored = {benefit.user_group_id: benefit for benefit in measure.benefits.all()}
    rows = []
    for group in groups:
        benefit = stored.get(group.pk)
        rows.append(BenefitRow(group, benefit.strength if benefit else 0, benefit.text if benefit else ""))
    return rows


def dependency_candidates(measure: Measure) -> QuerySet[Measure]:
    """Measures of the same municipality `measure` could depend on (not itself, not already linked)."""
    return (
        Measure.objects.filter(municipality_id=measure.municipality_id)
        .exclude(pk=measure.pk)
        .exclude(dependents=measure)
        .only("id", "title", "reference")
        .order_by(Lower("title"), "id")
    )


def dependency_in(municipality, pk: int) -> MeasureDependency:
    return get_object_or_404(
        MeasureDependency.objects.select_related("measure__municipality", "depends_on"),
        measure__municipality=municipality,
        pk=pk,
    )


def milestone_in(municipality, pk: int) -> MeasureMilestone:
    return get_object_or_404(
        MeasureMilestone.objects.select_related("measure__municipality__network"),
        measure__municipality=municipality,
        pk=pk,
    )


def report_in(municipality, pk: int) -> StatusReport:
    return get_object_or_404(
        StatusReport.objects.select_related("measure__municipality", "author"),
        measure__municipality=municipality,
        pk=pk,
    )


def involvement_in(municipality, pk: int) -> Involvement:
    return get_object_or_404(
        Involvement.objects.select_related("measure__municipality", "partner"),
        measure__municipality=municipality,
        pk=pk,
    )
