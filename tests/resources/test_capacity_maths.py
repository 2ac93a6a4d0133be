"""The capacity rule, checked by hand: hours per week × days of overlap ÷ 7, per calendar quarter.

Quarter lengths: Q1 2026 has 90 days, Q2 91, Q3 and Q4 92; Q1 2028 (leap year) 91.
"""

import datetime
from decimal import Decimal

import pytest
from django.db.models import Q

from vorort.resources import capacity as maths
from vorort.resources.capacity import ASSIGNMENT, CAPACITY, LoadState, Period, Quarter
from vorort.resources.selectors import capacity_states, capacity_summary, measure_staffing, periods

from ..factories import MeasureFactory, MunicipalityFactory
from .conftest import assign, person

D = datetime.date
Q1, Q2, Q3, Q4 = Quarter(2026, 1), Quarter(2026, 2), Quarter(2026, 3), Quarter(2026, 4)


def cap(hours, start, end=None, who=1) -> Period:
    return Period(who, CAPACITY, start, end, Decimal(str(hours)))


def job(hours, start, end, who=1) -> Period:
    return Period(who, ASSIGNMENT, start, end, Decimal(str(hours)))


def test_quarters_and_their_days():
    assert Quarter.containing(D(2026, 2, 15)) == Q1
    assert Quarter.containing(D(2026, 12, 31)) == Q4
    assert (Q1.start, Q1.end, Q1.days) == (D(2026, 1, 1), D(2026, 3, 31), 90)
    assert (Q2.days, Q3.days, Q4.days) == (91, 92, 92)
    assert Quarter(2028, 1).days == 91
    assert Q4.following() == Quarter(2027, 1)
    assert Q1.label == "Q1 2026" and Q1.long_label == "1. Quartal 2026"
    assert maths.horizon(D(2026, 11, 26)) == [Q4, Quarter(2027, 1), Quarter(2027, 2), Quarter(2027, 3)]
    assert len(maths.horizon(D(2026, 11, 26), 8)) == 8


def test_overlap_days_counts_both_ends():
    assert maths.overlap_days(D(2026, 2, 15), D(2026, 3, 31), Q1.start, Q1.end) == 45
    assert maths.overlap_days(D(2025, 6, 1), None, Q1.start, Q1.end) == 90  # open-ended
    assert maths.overlap_days(D(2026, 3, 31), D(2026, 3, 31), Q1.start, Q1.end) == 1
    assert maths.overlap_days(D(2026, 4, 1), D(2026, 5, 1), Q1.start, Q1.end) == 0
    assert maths.overlap_days(D(2025, 1, 1), D(2025, 12, 31), Q1.start, Q1.end) == 0


def test_a_full_quarter_is_hours_per_week_times_days_over_seven():
    # 39 h/week over the 90 days of Q1 2026: 39 × 90 / 7 = 501.43 hours.
    [load] = maths.loads([cap(39, D(2026, 1, 1))], [Q1])
    assert load.available_hd == Decimal(39 * 90)
    assert load.available == Decimal("501.4")
    # The same over Q3 (92 days): 512.57 hours.
    [load] = maths.loads([cap(39, D(2026, 1, 1))], [Q3])
    assert load.available == Decimal("512.6")


def test_partial_quarters_count_the_days_of_overlap():
    # 10 h/week from 15 February to 31 March: 45 days → 10 × 45 / 7 = 64.29 hours in Q1, nothing in Q2.
    q1, q2 = maths.loads([job(10, D(2026, 2, 15), D(2026, 3, 31))], [Q1, Q2])
    assert q1.planned == Decimal("64.3") and q2.planned == Decimal("0.0")
    # 14 h/week from 16 March to 15 April: 16 days in Q1 (32 hours), 15 days in Q2 (30 hours).
    q1, q2 = maths.loads([job(14, D(2026, 3, 16), D(2026, 4, 15))], [Q1, Q2])
    assert (q1.planned, q2.planned) == (Decimal("32.0"), Decimal("30.0"))
    # An open-ended capacity from 1 March at 20 h: 31 days of Q1 (88.57 hours), the whole Q2 (260 hours).
    q1, q2 = maths.loads([cap(20, D(2026, 3, 1))], [Q1, Q2])
    assert (q1.available, q2.available) == (Decimal("88.6"), Decimal("260.0"))
    # A capacity that ends mid-quarter and a new one after it: 20 h until 15 May (45 days), 10 h from 16 May
    # (46 days): (20 × 45 + 10 × 46) / 7 = 194.29 hours.
    [q2] = maths.loads([cap(20, D(2026, 1, 1), D(2026, 5, 15)), cap(10, D(2026, 5, 16))], [Q2])
    assert q2.available_hd == Decimal(20 * 45 + 10 * 46)
    assert q2.available == Decimal("194.3")


def test_states_overload_full_free_and_no_data():
    full_year = cap(10, D(2026, 1, 1), D(2026, 12, 31))
    # Planned exactly as much as available: "ausgelastet", not "überlastet" (sums stay exact).
    [load] = maths.loads([full_year, job(10, D(2026, 4, 1), D(2026, 6, 30))], [Q2])
    assert load.state == LoadState.FULL and not load.overloaded and load.utilisation == 100
    # 0.1 h more per week: overloaded by 0.1 × 91 / 7 = 1.3 hours.
    [load] = maths.loads([full_year, job(Decimal("10.1"), D(2026, 4, 1), D(2026, 6, 30))], [Q2])
    assert load.overloaded and load.excess == Decimal("1.3") and load.difference == Decimal("-1.3")
    assert load.state_label == "überlastet"
    # 90 % is "ausgelastet", below that "frei".
    [load] = maths.loads([cap(20, D(2026, 1, 1)), job(18, D(2026, 1, 1), D(2026, 12, 31))], [Q3])
    assert load.state == LoadState.FULL and load.utilisation == 90
    [load] = maths.loads([cap(20, D(2026, 1, 1)), job("17.9", D(2026, 1, 1), D(2026, 12, 31))], [Q3])
    assert load.state == LoadState.FREE and load.utilisation == 90  # 89.5 % rounds to 90 for display only
    # Nothing entered: "keine Angaben"; hours planned without any capacity: overloaded.
    [load] = maths.loads([], [Q3])
    assert load.state == LoadState.NO_DATA and load.utilisation is None
    [load] = maths.loads([job(2, D(2026, 7, 1), D(2026, 7, 7))], [Q3])
    assert load.overloaded and load.planned == Decimal("2.0")


def test_a_municipality_is_overloaded_when_one_person_is():
    # A: 20 h available, 25 h planned (overloaded); B: 20 h available, nothing planned. Together 40 ≥ 25 ("frei"
    # in the sum), yet the municipality counts as overloaded because A is.
    found = [
        cap(20, D(2026, 1, 1), who=1),
        job(25, D(2026, 7, 1), D(2026, 9, 30), who=1),
        cap(20, D(2026, 1, 1), who=2),
    ]
    people = maths.loads_by_person(found, [Q3])
    totals = maths.loads(found, [Q3])
    assert people[1].overloaded_quarters and not people[2].overloaded_quarters
    assert totals[0].state == LoadState.FREE
    assert maths.overall_state(people.values(), totals) == LoadState.OVERLOADED
    assert maths.overall_state([], maths.loads([], [Q3])) == LoadState.NO_DATA


@pytest.mark.django_db
def test_periods_read_both_tables_in_one_query(django_assert_num_queries, town_a, town_b, measure):
    anna = person(town_a, "Anna", hours=20, start=D(2026, 1, 1))
    assign(anna, measure, "7.5", D(2026, 2, 1), D(2026, 8, 31))
    other = person(town_b, "Berta", hours=30, start=D(2026, 1, 1))
    with django_assert_num_queries(1):
        found = periods(Q(person__municipality=town_a), Q1.start, Q4.end)
    assert sorted((m, p.kind, p.start, p.end, p.hours_per_week, p.person_name) for m, p in found) == [
        (town_a.pk, ASSIGNMENT, D(2026, 2, 1), D(2026, 8, 31), Decimal("7.5"), "Anna"),
        (town_a.pk, CAPACITY, D(2026, 1, 1), None, Decimal("20"), "Anna"),
    ]
    # Outside the window: nothing.
    assert periods(Q(person=other), D(2025, 1, 1), D(2025, 12, 31)) == []


@pytest.mark.django_db
def test_summary_states_and_staffing(django_assert_num_queries, town_a, town_b, measure):
    today = D(2026, 5, 10)  # Q2 2026; the horizon is Q2 2026 to Q1 2027
    anna = person(town_a, "Anna", hours=10, start=D(2026, 1, 1))
    bernd = person(town_a, "Bernd", hours=30, start=D(2026, 1, 1))
    assign(anna, measure, 8, D(2026, 4, 1), D(2026, 12, 31))
    later = MeasureFactory(municipality=town_a, title="Sensoren", start_date=D(2026, 10, 1), end_date=D(2027, 3, 31))
    assign(anna, later, 4, D(2026, 10, 1), D(2027, 3, 31))  # Q4 2026: 12 h planned on 10 available
    assign(bernd, later, 20, D(2026, 10, 1), D(2027, 3, 31))
    with django_assert_num_queries(1):
        summary = capacity_summary(town_a, today=today)
    assert summary.state == LoadState.OVERLOADED
    assert [(item.name, [load.quarter.label for load in item.quarters]) for item in summary.overloaded] == [
        ("Anna", ["Q4 2026"])
    ]
    # Q4 2026 in total: available (10 + 30) × 92 / 7 = 525.7; planned (8 + 4 + 20) × 92 / 7 = 420.6 → 80 %.
    q4 = summary.totals[2]
    assert (q4.available, q4.planned, q4.utilisation) == (Decimal("525.7"), Decimal("420.6"), 80)

    empty = MunicipalityFactory(network=town_a.network, name="Leerstadt")
    with django_assert_num_queries(1):
        states = capacity_states([town_a.pk, town_b.pk, empty.pk], today=today)
    assert states == {town_a.pk: "ueberlastet", town_b.pk: "keine_angaben", empty.pk: "keine_angaben"}

    # The later measure's period (Q4 2026 – Q1 2027): Anna is overloaded in Q4; Bernd is not.
    with django_assert_num_queries(2):
        staffing = measure_staffing(later, today=today)
    assert [a.person.name for a in staffing.assignments] == ["Anna", "Bernd"]
    assert [(item.name, [load.quarter.label for load in item.quarters]) for item in staffing.overloaded] == [
        ("Anna", ["Q4 2026"])
    ]
    # After the overload has passed, the measure page no longer warns.
    assert measure_staffing(later, today=D(2027, 1, 5)).overloaded == []
    # A measure without assignments needs one query and warns about nothing.
    unstaffed = MeasureFactory(municipality=town_a)
    with django_assert_num_queries(1):
        assert measure_staffing(unstaffed, today=today).overloaded == []
