"""Reads for bodies, partners and personnel capacity. Callers pass a municipality already scoped by
`municipality_view`; every query stays inside it and the number of queries does not depend on the amount of data."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, IntegerField, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404
from django.utils import timezone

from vorort.measures.models import Measure

from . import capacity as maths
from .capacity import ASSIGNMENT, CAPACITY, LoadState, Period, PersonLoad, Quarter, QuarterLoad
from .models import Assignment, Body, BodyKind, BodyMembership, Capacity, Involvement, Partner, Person
from .similarity import similar_to

PARTNER_PAGE_SIZE = 50
PEOPLE_PAGE_SIZE = 50
WARNING_LIMIT = 6


# Bodies ----------------------------------------------------------------------------------------------------------


def _memberships() -> QuerySet[BodyMembership]:
    return BodyMembership.objects.select_related("person", "partner").order_by("id")


def bodies_of(municipality) -> QuerySet[Body]:
    return Body.objects.filter(municipality=municipality)


def body_in(municipality, pk: int) -> Body:
    return get_object_or_404(bodies_of(municipality).select_related("municipality__network"), pk=pk)


def body_detail(municipality, pk: int) -> Body:
    queryset = bodies_of(municipality).select_related("municipality__network")
    return get_object_or_404(queryset.prefetch_related(Prefetch("memberships", queryset=_memberships())), pk=pk)


def membership_in(municipality, pk: int) -> BodyMembership:
    return get_object_or_404(
        BodyMembership.objects.select_related("body__municipality", "person", "partner"),
        body__municipality=municipality,
        pk=pk,
    )


@dataclass
class Tier:
    """One level of the organisation chart: all bodies of one kind."""

    kind: str
    label: str
    bodies: list[Body]


def org_chart(municipality) -> list[Tier]:
    """Lenkungsgruppe, Smart-City-Team, Arbeitskreise, top to bottom, each with its members: two queries."""
    bodies = list(
        bodies_of(municipality)
        .prefetch_related(Prefetch("memberships", queryset=_memberships()))
        .order_by(Lower("name"), "id")
    )
    return [
        Tier(kind=value, label=str(label), bodies=[body for body in bodies if body.kind == value])
        for value, label in BodyKind.choices
    ]


def member_choices(municipality) -> tuple[QuerySet[Person], QuerySet[Partner]]:
    return people_of(municipality).order_by(Lower("name"), "id"), partners_of(municipality)


# Partners --------------------------------------------------------------------------------------------------------


def partners_of(municipality) -> QuerySet[Partner]:
    return Partner.objects.filter(municipality=municipality).order_by(Lower("name"), "id")


def partner_list(municipality, filters: dict[str, Any] | None = None) -> QuerySet[Partner]:
    """The registry, filtered by kind and a search text, each with its number of measures."""
    filters = filters or {}
    queryset = partners_of(municipality).annotate(measure_count=Count("involvements"))
    if kind := filters.get("art"):
        queryset = queryset.filter(kind=kind)
    if text := (filters.get("q") or "").strip():
        queryset = queryset.filter(Q(name__icontains=text) | Q(notes__icontains=text))
    return queryset


def partner_in(municipality, pk: int) -> Partner:
    return get_object_or_404(partners_of(municipality).select_related("municipality__network"), pk=pk)


def partner_detail(municipality, pk: int) -> Partner:
    """A partner with its measures (and roles) and its seats in bodies: three queries."""
    involvements = Involvement.objects.select_related("measure").order_by(Lower("measure__title"), "id")
    seats = BodyMembership.objects.select_related("body").order_by(Lower("body__name"), "id")
    queryset = partners_of(municipality).prefetch_related(
        Prefetch("involvements", queryset=involvements), Prefetch("body_memberships", queryset=seats)
    )
    return get_object_or_404(queryset.select_related("municipality__network"), pk=pk)


def similar_partners(municipality, name: str, *, exclude_pk: int | None = None) -> list[Partner]:
    """Partners of the municipality whose name resembles `name` (see similarity.py): one query."""
    candidates = partners_of(municipality).only("id", "name", "kind", "municipality_id")
    if exclude_pk is not None:
        candidates = candidates.exclude(pk=exclude_pk)
    return similar_to(name, ((partner, partner.name) for partner in candidates))


# People ----------------------------------------------------------------------------------------------------------


def people_of(municipality) -> QuerySet[Person]:
    return Person.objects.filter(municipality=municipality)


def person_in(municipality, pk: int) -> Person:
    return get_object_or_404(people_of(municipality).select_related("municipality__network"), pk=pk)


def person_detail(municipality, pk: int) -> Person:
    """A person with capacities, assignments (and their measures) and seats in bodies: four queries."""
    queryset = people_of(municipality).prefetch_related(
        Prefetch("capacities", queryset=Capacity.objects.order_by("valid_from", "id")),
        Prefetch("assignments", queryset=Assignment.objects.select_related("measure").order_by("start", "id")),
        Prefetch("body_memberships", queryset=BodyMembership.objects.select_related("body").order_by("id")),
    )
    return get_object_or_404(queryset.select_related("municipality__network"), pk=pk)


def capacity_in(municipality, pk: int) -> Capacity:
    return get_object_or_404(
        Capacity.objects.select_related("person__municipality__network"), person__municipality=municipality, pk=pk
    )


def assignment_in(municipality, pk: int) -> Assignment:
    return get_object_or_404(
        Assignment.objects.select_related("person__municipality__network", "measure"),
        person__municipality=municipality,
        pk=pk,
    )


def assignable_measures(municipality) -> QuerySet[Measure]:
    return Measure.objects.filter(municipality=municipality).only("id", "title", "reference").order_by(Lower("title"))


# Capacity --------------------------------------------------------------------------------------------------------


def periods(condition: Q, first: datetime.date, last: datetime.date) -> list[tuple[int, Period]]:
    """(municipality id, period) of every capacity and assignment that matches `condition` (on the person) and
    touches [first, last]: one query (a union of both tables)."""
    columns = ("person__municipality_id", "person_id", "person__name", "start", "end", "hours_per_week", "kind")
    capacities = (
        Capacity.objects.filter(condition, valid_from__lte=last)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=first))
        .annotate(kind=Value(0, output_field=IntegerField()))
        .order_by()
        .values_list(
            "person__municipality_id", "person_id", "person__name", "valid_from", "valid_to", "hours_per_week", "kind"
        )
    )
    assignments = (
        Assignment.objects.filter(condition, start__lte=last, end__gte=first)
        .annotate(kind=Value(1, output_field=IntegerField()))
        .order_by()
        .values_list(*columns)
    )
    rows = capacities.union(assignments, all=True)
    return [
        (municipality_id, Period(person_id, ASSIGNMENT if kind else CAPACITY, start, end, hours, name))
        for municipality_id, person_id, name, start, end, hours, kind in rows
    ]


@dataclass
class PersonRow:
    person: Person
    load: PersonLoad

    @property
    def quarters(self) -> list[QuarterLoad]:
        return self.load.quarters


@dataclass
class Personnel:
    """The personnel page: every quarter's totals, and the people of one page with their quarters."""

    quarters: list[Quarter]
    totals: list[QuarterLoad]
    page: Any  # a Page of PersonRow
    overloaded_people: int
    people_total: int

    @property
    def overloaded_quarters(self) -> list[QuarterLoad]:
        return [load for load in self.totals if load.overloaded]

    @property
    def state(self) -> str:
        if self.overloaded_people:
            return LoadState.OVERLOADED
        return LoadState.worst(load.state for load in self.totals)


def personnel(municipality, quarters: list[Quarter], page_of) -> Personnel:
    """Totals per quarter over all people; the people of the current page (`page_of(queryset)` paginates) with
    their own quarters: four queries (count, page, one union of capacities and assignments)."""
    found = periods(Q(person__municipality=municipality), quarters[0].start, quarters[-1].end)
    by_person = maths.loads_by_person((period for _m, period in found), quarters)
    page = page_of(people_of(municipality).order_by(Lower("name"), "id"))
    empty = PersonLoad(0, maths.loads([], quarters))
    page.object_list = [PersonRow(person, by_person.get(person.pk, empty)) for person in page.object_list]
    return Personnel(
        quarters=quarters,
        totals=maths.loads((period for _m, period in found), quarters),
        page=page,
        overloaded_people=sum(1 for load in by_person.values() if load.overloaded_quarters),
        people_total=page.paginator.count,
    )


def person_loads(person: Person, quarters: list[Quarter]) -> list[QuarterLoad]:
    """A person's quarters from the prefetched capacities and assignments (no query)."""
    found = [
        Period(person.pk, CAPACITY, item.valid_from, item.valid_to, item.hours_per_week)
        for item in person.capacities.all()
    ] + [Period(person.pk, ASSIGNMENT, item.start, item.end, item.hours_per_week) for item in person.assignments.all()]
    return maths.loads(found, quarters)


@dataclass
class OverloadedPerson:
    person_id: int
    name: str
    quarters: list[QuarterLoad]


@dataclass
class CapacitySummary:
    """The workspace overview's view of personnel capacity over the next quarters."""

    quarters: list[Quarter]
    totals: list[QuarterLoad]
    state: str
    overloaded: list[OverloadedPerson] = field(default_factory=list)  # the first WARNING_LIMIT, by name
    overloaded_total: int = 0

    @property
    def state_label(self) -> str:
        return LoadState.label(self.state)


def _by_name(people: Iterable[OverloadedPerson]) -> list[OverloadedPerson]:
    return sorted(people, key=lambda item: (item.name.lower(), item.person_id))


def capacity_summary(municipality, *, today: datetime.date | None = None) -> CapacitySummary:
    """State and overloaded people over the current and the next three quarters: one query."""
    quarters = maths.horizon(today or timezone.localdate())
    found = [
        period for _m, period in periods(Q(person__municipality=municipality), quarters[0].start, quarters[-1].end)
    ]
    names = {period.person_id: period.person_name for period in found}
    by_person = maths.loads_by_person(found, quarters)
    totals = maths.loads(found, quarters)
    overloaded = _by_name(
        OverloadedPerson(pid, names[pid], load.overloaded_quarters)
        for pid, load in by_person.items()
        if load.overloaded_quarters
    )
    return CapacitySummary(
        quarters=quarters,
        totals=totals,
        state=maths.overall_state(by_person.values(), totals),
        overloaded=overloaded[:WARNING_LIMIT],
        overloaded_total=len(overloaded),
    )


def capacity_states(municipality_ids: Iterable[int], *, today: datetime.date | None = None) -> dict[int, str]:
    """Each municipality's capacity state over the current and the next three quarters: one query for all."""
    ids = list(municipality_ids)
    states = dict.fromkeys(ids, LoadState.NO_DATA)
    if not ids:
        return states
    quarters = maths.horizon(today or timezone.localdate())
    grouped: dict[int, list[Period]] = {}
    for municipality_id, period in periods(Q(person__municipality_id__in=ids), quarters[0].start, quarters[-1].end):
        grouped.setdefault(municipality_id, []).append(period)
    for municipality_id, found in grouped.items():
        states[municipality_id] = maths.overall_state(
            maths.loads_by_person(found, quarters).values(), maths.loads(found, quarters)
        )
    return states


@dataclass
class Staffing:
    """The assignments of a measure, and who of them is overloaded in the measure's period."""

    assignments: list[Assignment]
    overloaded: list[OverloadedPerson]
    window: tuple[datetime.date, datetime.date] | None

    @property
    def overloaded_ids(self) -> set[int]:
        return {item.person_id for item in self.overloaded}


def measure_staffing(measure: Measure, *, today: datetime.date | None = None) -> Staffing:
    """The measure's assignments and the assigned people overloaded in a quarter of the measure's period (its
    start and end, else the span of its assignments), from the current quarter on: two queries."""
    assignments = list(
        Assignment.objects.filter(measure=measure).select_related("person").order_by(Lower("person__name"), "start")
    )
    if not assignments:
        return Staffing(assignments=[], overloaded=[], window=None)
    first = measure.start_date or min(a.start for a in assignments)
    last = measure.end_date or max(a.end for a in assignments)
    current = Quarter.containing(today or timezone.localdate())
    if last < current.start or last < first:
        return Staffing(assignments=assignments, overloaded=[], window=(first, last))
    quarters = maths.quarters_from(max(Quarter.containing(first), current), 1)
    while quarters[-1].end < last:
        quarters.append(quarters[-1].following())
    people = {a.person_id: a.person for a in assignments}
    found = periods(Q(person_id__in=list(people)), quarters[0].start, quarters[-1].end)
    by_person = maths.loads_by_person((period for _m, period in found), quarters)
    overloaded = _by_name(
        OverloadedPerson(pid, people[pid].name, load.overloaded_quarters)
        for pid, load in by_person.items()
        if load.overloaded_quarters
    )
    return Staffing(assignments=assignments, overloaded=overloaded, window=(first, last))
