"""Capacity maths: hours available against hours planned, per calendar quarter.

The rule, used everywhere (pages, warnings, cockpit):

* A capacity or an assignment of *h* hours per week that overlaps a quarter on *d* calendar days (both ends
  counted) contributes **h × d ÷ 7 hours** to that quarter: hours per week times the weeks of overlap, the weeks
  counted in days. A whole quarter has 90 to 92 days, so 39 h/week over Q1 2026 (90 days) are 501.4 hours; an
  assignment from 15 February to 31 March 2026 (45 days) at 10 h/week adds 64.3 hours to Q1 2026.
* A capacity without an end runs on; a person without any capacity has 0 hours available.
* A quarter is **overloaded** when the planned hours exceed the available hours (per person, and for the
  municipality as the sum over its people). Sums are kept exact (hours × days) and divided by 7 only for display,
  so a plan that fills a capacity exactly is "ausgelastet", not "überlastet".
* **ausgelastet**: planned hours reach 90 % of the available ones (and do not exceed them); **frei**: below that;
  **keine Angaben**: neither hours available nor hours planned.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

FULL_SHARE = Decimal("0.9")  # planned ≥ 90 % of available: "ausgelastet"
DEFAULT_QUARTERS = 6
HORIZON = 4  # the warnings and the cockpit look at the current and the next three quarters


class LoadState:
    """The capacity state of a quarter, a person or a municipality (value, German label)."""

    NO_DATA = "keine_angaben"
    FREE = "frei"
    FULL = "ausgelastet"
    OVERLOADED = "ueberlastet"

    LABELS = {
        NO_DATA: _("keine Angaben"),
        FREE: _("frei"),
        FULL: _("ausgelastet"),
        OVERLOADED: _("überlastet"),
    }
    # Severity for "the worst of several".
    ORDER = {NO_DATA: 0, FREE: 1, FULL: 2, OVERLOADED: 3}

    @classmethod
    def label(cls, value: str) -> str:
        return str(cls.LABELS[value])

    @classmethod
    def worst(cls, values: Iterable[str]) -> str:
        return max(values, key=cls.ORDER.__getitem__, default=cls.NO_DATA)


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1..4

    @classmethod
    def containing(cls, day: datetime.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> datetime.date:
        """The last day of the quarter."""
        return self.following().start - datetime.timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        return f"Q{self.number} {self.year}"

    @property
    def long_label(self) -> str:
        return str(_("%(number)s. Quartal %(year)s") % {"number": self.number, "year": self.year})

    @property
    def key(self) -> str:
        return f"{self.year}-Q{self.number}"

    def following(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    def __str__(self) -> str:
        return self.label


def quarters_from(first: Quarter, count: int) -> list[Quarter]:
    quarters = [first]
    while len(quarters) < count:
        quarters.append(quarters[-1].following())
    return quarters[:count]


def horizon(today: datetime.date, count: int = HORIZON) -> list[Quarter]:
    """The current quarter and the `count - 1` following ones."""
    return quarters_from(Quarter.containing(today), count)


def overlap_days(start: datetime.date, end: datetime.date | None, first: datetime.date, last: datetime.date) -> int:
    """Calendar days of [start, end] (end None: open) within [first, last], both ends counted."""
    begin = max(start, first)
    finish = last if end is None else min(end, last)
    return max(0, (finish - begin).days + 1)


def hour_days(hours_per_week: Decimal, start: datetime.date, end: datetime.date | None, quarter: Quarter) -> Decimal:
    """Hours per week × days of overlap with `quarter`: seven times the hours it contributes (kept exact)."""
    return Decimal(hours_per_week) * overlap_days(start, end, quarter.start, quarter.end)


def hours(value_hour_days: Decimal) -> Decimal:
    """Hour-days → hours, rounded to one decimal for display."""
    return (Decimal(value_hour_days) / 7).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def state_of(available_hd: Decimal, planned_hd: Decimal) -> str:
    if planned_hd > available_hd:
        return LoadState.OVERLOADED
    if not available_hd and not planned_hd:
        return LoadState.NO_DATA
    if planned_hd >= available_hd * FULL_SHARE:
        return LoadState.FULL
    return LoadState.FREE


@dataclass
class QuarterLoad:
    """Available against planned hours in one quarter (kept in hour-days, shown in hours)."""

    quarter: Quarter
    available_hd: Decimal = Decimal(0)
    planned_hd: Decimal = Decimal(0)

    @property
    def available(self) -> Decimal:
        return hours(self.available_hd)

    @property
    def planned(self) -> Decimal:
        return hours(self.planned_hd)

    @property
    def difference(self) -> Decimal:
        """Available minus planned hours: negative when overloaded."""
        return hours(self.available_hd - self.planned_hd)

    @property
    def excess(self) -> Decimal:
        return hours(max(Decimal(0), self.planned_hd - self.available_hd))

    @property
    def utilisation(self) -> int | None:
        """Planned as a percentage of available (None without available hours)."""
        if not self.available_hd:
            return None
        share = self.planned_hd * 100 / self.available_hd
        return int(share.quantize(Decimal(1), rounding=ROUND_HALF_UP))

    @property
    def state(self) -> str:
        return state_of(self.available_hd, self.planned_hd)

    @property
    def state_label(self) -> str:
        return LoadState.label(self.state)

    @property
    def overloaded(self) -> bool:
        return self.state == LoadState.OVERLOADED


@dataclass(frozen=True)
class Period:
    """A capacity (kind "capacity") or an assignment (kind "assignment") of a person, as the maths needs it."""

    person_id: int
    kind: str
    start: datetime.date
    end: datetime.date | None
    hours_per_week: Decimal
    person_name: str = ""


CAPACITY, ASSIGNMENT = "capacity", "assignment"


def loads(periods: Iterable[Period], quarters: list[Quarter]) -> list[QuarterLoad]:
    """Sum `periods` (of one person or of many) per quarter."""
    result = [QuarterLoad(quarter) for quarter in quarters]
    for period in periods:
        for load in result:
            amount = hour_days(period.hours_per_week, period.start, period.end, load.quarter)
            if period.kind == CAPACITY:
                load.available_hd += amount
            else:
                load.planned_hd += amount
    return result


@dataclass
class PersonLoad:
    person_id: int
    quarters: list[QuarterLoad] = field(default_factory=list)

    @property
    def overloaded_quarters(self) -> list[QuarterLoad]:
        return [load for load in self.quarters if load.overloaded]

    @property
    def state(self) -> str:
        return LoadState.worst(load.state for load in self.quarters)


def loads_by_person(periods: Iterable[Period], quarters: list[Quarter]) -> dict[int, PersonLoad]:
    grouped: dict[int, list[Period]] = {}
    for period in periods:
        grouped.setdefault(period.person_id, []).append(period)
    return {pid: PersonLoad(pid, loads(items, quarters)) for pid, items in grouped.items()}


def overall_state(people: Iterable[PersonLoad], totals: list[QuarterLoad]) -> str:
    """A municipality's state over some quarters: "überlastet" if anyone is overloaded in any of them (a total
    over the planned hours implies that), else the worst state of the totals."""
    if any(person.overloaded_quarters for person in people):
        return LoadState.OVERLOADED
    return LoadState.worst(load.state for load in totals)
